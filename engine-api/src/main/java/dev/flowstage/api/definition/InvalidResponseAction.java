package dev.flowstage.api.definition;

import java.util.Locale;

/** What a stage binding does with an invalid response: show the challenge again with errors, restart the flow with an empty context, or restart keeping the context. Each constant has the wire name authentik uses. */
public enum InvalidResponseAction {
    /** Wire name {@code retry}. */
    RETRY,
    /** Wire name {@code restart}. */
    RESTART,
    /** Wire name {@code restart_with_context}. */
    RESTART_WITH_CONTEXT;

    /** Returns the name used in the protocol and in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static InvalidResponseAction fromWireName(String wireName) {
        for (InvalidResponseAction value : values()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("invalid response action '" + wireName + "' is not one of "
                + java.util.Arrays.stream(values()).map(InvalidResponseAction::wireName).toList());
    }
}
