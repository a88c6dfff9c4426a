package dev.flowstage.stages.prompt;

import java.util.Objects;

/**
 * One choice of a radio-button-group or dropdown field, as the protocol's {@code PromptChoice}.
 *
 * @param label what the user sees
 * @param value what is posted and stored in {@code prompt_data}
 */
public record PromptChoice(String label, String value) {
    /** Validates that both parts are present. */
    public PromptChoice {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    /** Returns a choice whose label is its value. */
    public static PromptChoice of(String value) {
        return new PromptChoice(value, value);
    }
}
