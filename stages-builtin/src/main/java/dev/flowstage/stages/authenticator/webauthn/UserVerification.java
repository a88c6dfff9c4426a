package dev.flowstage.stages.authenticator.webauthn;

import java.util.Arrays;
import java.util.Locale;

/** Whether WebAuthn asks the authenticator to verify the user (PIN, biometrics); WebAuthn's {@code userVerification}. */
public enum UserVerification {
    /** Verification must happen; responses without the UV flag are refused. Wire name {@code required}. */
    REQUIRED,
    /** Verification is asked for but not enforced. Wire name {@code preferred}. */
    PREFERRED,
    /** Verification is not asked for. Wire name {@code discouraged}. */
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
    public static UserVerification fromWireName(String wireName) {
        return Arrays.stream(values()).filter(value -> value.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("user verification '" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(UserVerification::wireName).toList()));
    }
}
