package dev.flowstage.stages.authenticator.webauthn;

import java.util.Arrays;
import java.util.Locale;

/** Whether WebAuthn asks for a discoverable credential (passkey); WebAuthn's {@code residentKey}. */
public enum ResidentKey {
    /** The credential must be discoverable. Wire name {@code required}. */
    REQUIRED,
    /** A discoverable credential is preferred. Wire name {@code preferred}. */
    PREFERRED,
    /** A server-side credential is preferred. Wire name {@code discouraged}. */
    DISCOURAGED;

    /** Returns the name used in WebAuthn options and blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static ResidentKey fromWireName(String wireName) {
        return Arrays.stream(values()).filter(value -> value.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("resident key '" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(ResidentKey::wireName).toList()));
    }
}
