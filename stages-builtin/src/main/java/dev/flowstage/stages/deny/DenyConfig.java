package dev.flowstage.stages.deny;

import jakarta.validation.constraints.NotNull;

/**
 * Configuration of the deny stage.
 *
 * @param denyMessage the message shown to the user, or empty string for "Unknown error"
 */
public record DenyConfig(@NotNull String denyMessage) {

    /** Returns the default: an empty message, shown as "Unknown error". */
    public static DenyConfig defaults() {
        return new DenyConfig("");
    }

    /** Returns this config with {@code message} as the deny message. */
    public DenyConfig withDenyMessage(String message) {
        return new DenyConfig(message);
    }
}
