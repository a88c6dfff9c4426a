package dev.flowstage.api.definition;

import java.util.Locale;

/** How the results of several policy bindings combine: {@code all} must pass, or {@code any} one must. Each constant has the wire name authentik uses. */
public enum PolicyEngineMode {
    /** Wire name {@code all}. */
    ALL,
    /** Wire name {@code any}. */
    ANY;

    /** Returns the name used in the protocol and in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static PolicyEngineMode fromWireName(String wireName) {
        for (PolicyEngineMode value : values()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("policy engine mode '" + wireName + "' is not one of "
                + java.util.Arrays.stream(values()).map(PolicyEngineMode::wireName).toList());
    }
}
