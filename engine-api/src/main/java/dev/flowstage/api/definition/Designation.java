package dev.flowstage.api.definition;

import java.util.Locale;

/** What a flow is for; selects defaults such as the identification stage's primary action. Each constant has the wire name authentik uses. */
public enum Designation {
    /** Wire name {@code authentication}. */
    AUTHENTICATION,
    /** Wire name {@code authorization}. */
    AUTHORIZATION,
    /** Wire name {@code enrollment}. */
    ENROLLMENT,
    /** Wire name {@code recovery}. */
    RECOVERY,
    /** Wire name {@code invalidation}. */
    INVALIDATION,
    /** Wire name {@code stage_configuration}. */
    STAGE_CONFIGURATION,
    /** Wire name {@code unenrollment}. */
    UNENROLLMENT;

    /** Returns the name used in the protocol and in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static Designation fromWireName(String wireName) {
        for (Designation value : values()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("designation '" + wireName + "' is not one of "
                + java.util.Arrays.stream(values()).map(Designation::wireName).toList());
    }
}
