package dev.flowstage.api.definition;

import java.util.Locale;

/** Who may start a flow, checked before its policies. Each constant has the wire name authentik uses. */
public enum AuthenticationRequirement {
    /** Wire name {@code none}. */
    NONE,
    /** Wire name {@code require_authenticated}. */
    REQUIRE_AUTHENTICATED,
    /** Wire name {@code require_unauthenticated}. */
    REQUIRE_UNAUTHENTICATED,
    /** Wire name {@code require_superuser}. */
    REQUIRE_SUPERUSER;

    /** Returns the name used in the protocol and in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static AuthenticationRequirement fromWireName(String wireName) {
        for (AuthenticationRequirement value : values()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("authentication requirement '" + wireName + "' is not one of "
                + java.util.Arrays.stream(values()).map(AuthenticationRequirement::wireName).toList());
    }
}
