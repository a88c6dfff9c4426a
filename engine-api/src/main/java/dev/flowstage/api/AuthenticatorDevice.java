package dev.flowstage.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's authenticator device (TOTP app, static recovery codes, WebAuthn credential, email
 * address for codes). Kind-specific data lives in {@code data}; secrets in it are stored sealed
 * (TOTP seeds) or hashed (static codes), never in plain text, and {@link #toString()} omits it.
 *
 * @param id the device's id
 * @param userId the owner's user id
 * @param kind what kind of authenticator it is
 * @param name a name the user recognises
 * @param confirmed whether setup was completed (unconfirmed devices never authenticate)
 * @param createdAt when it was created
 * @param lastUsed when it last authenticated, or null
 * @param version incremented by every write; writes check it
 * @param data kind-specific JSON-like data
 */
public record AuthenticatorDevice(
        String id, String userId, DeviceKind kind, String name, boolean confirmed, Instant createdAt, Instant lastUsed,
        long version, Map<String, Object> data) {

    /** Validates and copies the parts. */
    public AuthenticatorDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        data = JsonValues.copyObject(Objects.requireNonNull(data, "data"), "device data");
    }

    /** Returns when it was last used, if ever. */
    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsed);
    }

    /** Returns this device with {@code newData}, {@code used} as last use, and the next version. */
    public AuthenticatorDevice updated(Map<String, Object> newData, Instant used) {
        return new AuthenticatorDevice(id, userId, kind, name, confirmed, createdAt, used, version + 1, newData);
    }

    /** Returns this device confirmed, with the next version. */
    public AuthenticatorDevice confirm() {
        return new AuthenticatorDevice(id, userId, kind, name, true, createdAt, lastUsed, version + 1, data);
    }

    /** Returns a description without the kind-specific data. */
    @Override
    public String toString() {
        return "AuthenticatorDevice[id=" + id + ", user=" + userId + ", kind=" + kind + ", name=" + name + ", confirmed="
                + confirmed + "]";
    }

    /** The kinds of authenticator, with authentik's device class names. */
    public enum DeviceKind {
        /** Time-based one-time passwords (RFC 6238). */
        TOTP("totp"),
        /** Single-use static recovery codes. */
        STATIC("static"),
        /** A WebAuthn / passkey credential. */
        WEBAUTHN("webauthn"),
        /** One-time codes sent by email. */
        EMAIL("email");

        private final String deviceClass;

        DeviceKind(String deviceClass) {
            this.deviceClass = deviceClass;
        }

        /** Returns authentik's device class name ({@code totp}, {@code static}, ...). */
        public String deviceClass() {
            return deviceClass;
        }

        /**
         * Returns the kind with device class {@code deviceClass}.
         *
         * @throws IllegalArgumentException naming the value and the known classes
         */
        public static DeviceKind fromDeviceClass(String deviceClass) {
            for (DeviceKind kind : values()) {
                if (kind.deviceClass.equals(deviceClass)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("device class '" + deviceClass + "' is not one of totp, static, webauthn, email");
        }
    }
}
