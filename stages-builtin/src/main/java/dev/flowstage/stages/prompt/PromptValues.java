package dev.flowstage.stages.prompt;

import dev.flowstage.api.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns values of expressions and {@code prompt_data} into the strings and choices of the protocol. */
final class PromptValues {
    private PromptValues() {}

    /**
     * Returns {@code value} as authentik stringifies it ({@code str(value)}): null is the empty
     * string (not Python's {@code None}), booleans are {@code True}/{@code False}, secrets are never
     * revealed (empty string).
     */
    static String text(Object value) {
        if (value == null || value instanceof Secret) {
            return "";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        return String.valueOf(value);
    }

    /**
     * Returns the choices that {@code value} describes: a list of strings or of {@code {label,
     * value}} maps, or one such item; null is no choice.
     */
    static List<PromptChoice> choices(Object value) {
        if (value == null) {
            return List.of();
        }
        List<PromptChoice> choices = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> choices.add(choice(item)));
        } else {
            choices.add(choice(value));
        }
        return List.copyOf(choices);
    }

    private static PromptChoice choice(Object item) {
        if (item instanceof PromptChoice choice) {
            return choice;
        }
        if (item instanceof Map<?, ?> map && map.containsKey("value")) {
            Object label = map.get("label");
            return new PromptChoice(text(label != null ? label : map.get("value")), text(map.get("value")));
        }
        return PromptChoice.of(text(item));
    }
}
