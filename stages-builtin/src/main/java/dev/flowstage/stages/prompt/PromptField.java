package dev.flowstage.stages.prompt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One field of a prompt stage (authentik's {@code Prompt}).
 *
 * <p>Immutable. The constructor copies {@code choices} (null becomes empty) but does not reject bad
 * values: Bean Validation and {@link PromptStage#validate(PromptConfig, dev.flowstage.spi.StageValidation)}
 * report them, all together, when a flow using the stage compiles.
 *
 * @param name the field's own name, unique within its stage (authentik's {@code Prompt.name}); names it in messages
 * @param fieldKey the key of the value in the response and in {@code prompt_data}
 * @param label the label shown to the user
 * @param type the kind of field
 * @param required whether a value must be posted (ignored by checkbox, read-only, hidden, static and separator fields)
 * @param placeholder the hint shown in an empty input; for hidden and static fields the value when
 *     there is no initial value; for choice fields without {@code choices}, an expression returning the choices
 * @param initialValue the value the input starts with, and the value used when none is posted
 * @param placeholderExpression whether {@code placeholder} is an MVEL expression to evaluate
 * @param initialValueExpression whether {@code initialValue} is an MVEL expression to evaluate
 * @param order the position among the stage's fields, ascending (ties keep definition order)
 * @param subText help shown below the field
 * @param choices the fixed choices of a radio-button-group or dropdown field; empty for other types
 *     or when a placeholder expression (or {@code prompt_data["<key>__choices"]}) supplies them
 */
public record PromptField(
        @NotBlank String name,
        @NotBlank String fieldKey,
        @NotNull String label,
        @NotNull PromptFieldType type,
        boolean required,
        @NotNull String placeholder,
        @NotNull String initialValue,
        boolean placeholderExpression,
        boolean initialValueExpression,
        int order,
        @NotNull String subText,
        @NotNull List<@NotNull @Valid PromptChoice> choices) {

    /** Copies {@code choices}; null becomes the empty list. */
    public PromptField {
        choices = choices == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(choices));
    }

    /**
     * Returns a required field named {@code name} with no placeholder, initial value, sub-text or
     * choices, at order 0.
     */
    public static PromptField of(String name, String fieldKey, String label, PromptFieldType type) {
        return new PromptField(name, fieldKey, label, type, true, "", "", false, false, 0, "", List.of());
    }

    /** Returns {@link #of(String, String, String, PromptFieldType)} with {@code fieldKey} as the name. */
    public static PromptField of(String fieldKey, String label, PromptFieldType type) {
        return of(fieldKey, fieldKey, label, type);
    }

    /** Returns this field with {@code label}. */
    public PromptField withLabel(String label) {
        return new PromptField(name, fieldKey, label, type, required, placeholder, initialValue, placeholderExpression,
                initialValueExpression, order, subText, choices);
    }

    /** Returns this field, required or not. */
    public PromptField withRequired(boolean required) {
        return new PromptField(name, fieldKey, label, type, required, placeholder, initialValue, placeholderExpression,
                initialValueExpression, order, subText, choices);
    }

    /** Returns this field with the literal placeholder {@code text}. */
    public PromptField withPlaceholder(String text) {
        return new PromptField(name, fieldKey, label, type, required, text, initialValue, false,
                initialValueExpression, order, subText, choices);
    }

    /** Returns this field whose placeholder (or, for choice fields, choices) is the MVEL {@code expression}. */
    public PromptField withPlaceholderExpression(String expression) {
        return new PromptField(name, fieldKey, label, type, required, expression, initialValue, true,
                initialValueExpression, order, subText, choices);
    }

    /** Returns this field with the literal initial value {@code value}. */
    public PromptField withInitialValue(String value) {
        return new PromptField(name, fieldKey, label, type, required, placeholder, value, placeholderExpression,
                false, order, subText, choices);
    }

    /** Returns this field whose initial value is the MVEL {@code expression}. */
    public PromptField withInitialValueExpression(String expression) {
        return new PromptField(name, fieldKey, label, type, required, placeholder, expression, placeholderExpression,
                true, order, subText, choices);
    }

    /** Returns this field at position {@code order}. */
    public PromptField withOrder(int order) {
        return new PromptField(name, fieldKey, label, type, required, placeholder, initialValue, placeholderExpression,
                initialValueExpression, order, subText, choices);
    }

    /** Returns this field with the help text {@code text}. */
    public PromptField withSubText(String text) {
        return new PromptField(name, fieldKey, label, type, required, placeholder, initialValue, placeholderExpression,
                initialValueExpression, order, text, choices);
    }

    /** Returns this field with the fixed {@code choices}. */
    public PromptField withChoices(List<PromptChoice> choices) {
        return new PromptField(name, fieldKey, label, type, required, placeholder, initialValue, placeholderExpression,
                initialValueExpression, order, subText, choices);
    }

    /** Returns this field with the fixed {@code choices}. */
    public PromptField withChoices(PromptChoice... choices) {
        return withChoices(List.of(choices));
    }
}
