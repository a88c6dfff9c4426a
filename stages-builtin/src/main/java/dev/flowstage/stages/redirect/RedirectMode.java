package dev.flowstage.stages.redirect;

import java.util.Arrays;
import java.util.Locale;

/** Where the redirect stage sends the client: a fixed URL or another flow. */
public enum RedirectMode {
    /** To {@code targetStatic}, a relative path or an allow-listed URL; wire name {@code static}. */
    STATIC,
    /** To the flow {@code targetFlow}, at {@code /if/flow/<slug>/}; wire name {@code flow}. */
    FLOW;

    /** Returns the name used in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the mode whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static RedirectMode fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(mode -> mode.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("redirect mode '" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(RedirectMode::wireName).toList()));
    }
}
