package dev.flowstage.stages.authenticator.validate;

import java.util.Arrays;
import java.util.Locale;

/** What the validation stage does for a user without an (allowed) authenticator device. */
public enum NotConfiguredAction {
    /** Pass through without a second factor (authentik's default). Wire name {@code skip}. */
    SKIP,
    /** Deny with "No (allowed) MFA authenticator configured.". Wire name {@code deny}. */
    DENY,
    /**
     * Send the user to set one up: to the only configuration flow, or to the one they pick from
     * the challenge's {@code configuration_stages}. The stage never passes until a device verifies.
     * Wire name {@code configure}.
     */
    CONFIGURE;

    /** Returns the name used in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static NotConfiguredAction fromWireName(String wireName) {
        return Arrays.stream(values()).filter(value -> value.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not configured action '" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(NotConfiguredAction::wireName).toList()));
    }
}
