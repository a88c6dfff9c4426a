package dev.flowstage.stages.prompt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field with its placeholder, initial value and choices resolved for one request.
 *
 * @param field the configured field
 * @param placeholder the placeholder to show (empty for choice fields)
 * @param initial the initial value: a {@code prompt_data} value (any JSON type) or a string
 * @param choices the choices of a choice field, else null
 */
record ResolvedField(PromptField field, String placeholder, Object initial, List<PromptChoice> choices) {

    String key() {
        return field.fieldKey();
    }

    PromptFieldType type() {
        return field.type();
    }

    /** Returns the initial value as sent on the wire; an unchecked checkbox is empty, which the UI reads as unchecked. */
    String initialText() {
        return field.type() == PromptFieldType.CHECKBOX && Boolean.FALSE.equals(initial) ? "" : PromptValues.text(initial);
    }

    /** Returns the value a read-only, hidden or static field always has: the initial value, else (hidden, static) the placeholder. */
    String serverValue() {
        String initialText = PromptValues.text(initial);
        boolean fallBack = type() == PromptFieldType.HIDDEN || type() == PromptFieldType.STATIC;
        return initialText.isEmpty() && fallBack ? placeholder : initialText;
    }

    /** Returns whether {@code value} is the value of one of the choices. */
    boolean hasChoice(String value) {
        return choices != null && choices.stream().anyMatch(choice -> choice.value().equals(value));
    }

    /** Returns the protocol's {@code StagePrompt} object. */
    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("field_key", field.fieldKey());
        wire.put("label", field.label());
        wire.put("type", field.type().wireName());
        wire.put("required", field.required());
        wire.put("placeholder", placeholder);
        wire.put("initial_value", initialText());
        wire.put("order", field.order());
        wire.put("sub_text", field.subText());
        wire.put("choices", choices == null ? null
                : choices.stream().map(choice -> Map.of("label", choice.label(), "value", choice.value())).toList());
        return wire;
    }
}
