package dev.flowstage.stages.consent;

import java.util.Arrays;
import java.util.Locale;

/** How long the consent stage remembers a user's consent to an application (authentik's {@code ConsentMode}). */
public enum ConsentMode {
    /** Ask on every visit and remember nothing. Wire name {@code always_require}. */
    ALWAYS_REQUIRE,
    /** Ask once per application and set of permissions; the consent never lapses. Wire name {@code permanent}. */
    PERMANENT,
    /** Ask again when the consent is older than {@code consentExpireIn} (the default). Wire name {@code expiring}. */
    EXPIRING;

    /** Returns the name used in blueprints: {@code always_require}, {@code permanent} or {@code expiring}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the mode whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static ConsentMode fromWireName(String wireName) {
        return Arrays.stream(values()).filter(mode -> mode.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("consent mode '" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(ConsentMode::wireName).toList()));
    }
}
