package dev.flowstage.api.definition;

import java.util.Locale;

/** What happens when a flow does not apply to the requester: {@code message} shows access denied, {@code continue} redirects to {@code next} or {@code /}, {@code message_continue} redirects to {@code next} when present and shows the message otherwise. Each constant has the wire name authentik uses. */
public enum DeniedAction {
    /** Wire name {@code message_continue}. */
    MESSAGE_CONTINUE,
    /** Wire name {@code message}. */
    MESSAGE,
    /** Wire name {@code continue}. */
    CONTINUE;

    /** Returns the name used in the protocol and in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static DeniedAction fromWireName(String wireName) {
        for (DeniedAction value : values()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("denied action '" + wireName + "' is not one of "
                + java.util.Arrays.stream(values()).map(DeniedAction::wireName).toList());
    }
}
