package dev.flowstage.api.definition;

import java.util.Locale;

/** How the UI lays out a flow's challenges. Each constant has the wire name authentik uses. */
public enum FlowLayout {
    /** Wire name {@code stacked}. */
    STACKED,
    /** Wire name {@code content_left}. */
    CONTENT_LEFT,
    /** Wire name {@code content_right}. */
    CONTENT_RIGHT,
    /** Wire name {@code sidebar_left}. */
    SIDEBAR_LEFT,
    /** Wire name {@code sidebar_right}. */
    SIDEBAR_RIGHT;

    /** Returns the name used in the protocol and in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static FlowLayout fromWireName(String wireName) {
        for (FlowLayout value : values()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("flow layout '" + wireName + "' is not one of "
                + java.util.Arrays.stream(values()).map(FlowLayout::wireName).toList());
    }
}
