package dev.flowstage.spi;

import java.util.List;

/**
 * The combined result of policies a stage evaluated (prompt validation policies).
 *
 * @param passing whether they passed; an errored policy never passes
 * @param messages their messages, to show the user
 */
public record PolicyCheck(boolean passing, List<String> messages) {
    /** Copies the messages. */
    public PolicyCheck {
        messages = List.copyOf(messages);
    }
}
