package dev.flowstage.stages.prompt;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import dev.flowstage.spi.blueprint.ModelRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blueprint models of the prompt stage: {@value #PROMPT} (one field, authentik's
 * {@code Prompt}: {@code name}, {@code field_key}, {@code label}, {@code type}, {@code required},
 * {@code placeholder}, {@code placeholder_expression}, {@code initial_value},
 * {@code initial_value_expression}, {@code order}, {@code sub_text}, plus Flowstage's
 * {@code choices}, a list of {@code {label, value}} for radio-button-group and dropdown fields)
 * and {@value #STAGE} ({@code fields}: prompt references, {@code validation_policies}: policy references).
 */
public final class PromptModels {
    /** The model name of prompt fields. */
    public static final String PROMPT = "authentik_stages_prompt.prompt";
    /** The model name of prompt stages. */
    public static final String STAGE = "authentik_stages_prompt.promptstage";

    private PromptModels() {}

    /** Returns the prompt field model. */
    public static BlueprintModel<PromptField> prompt() {
        return BlueprintModel.object(PROMPT, PromptField.class, PromptModels::readField, PromptModels::writeField);
    }

    /** Returns the prompt stage model. */
    public static BlueprintModel<PromptConfig> stage() {
        return BlueprintModel.stage(STAGE, PromptStage.TYPE, PromptConfig.class,
                attrs -> new PromptConfig(attrs.objects("fields", PROMPT, PromptField.class), attrs.policies("validation_policies")),
                config -> {
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    attrs.put("fields", config.fields().stream().map(field -> ModelRef.object(PROMPT, field.name(), field)).toList());
                    attrs.put("validation_policies", config.validationPolicies().stream().map(ModelRef::policy).toList());
                    return attrs;
                });
    }

    private static PromptField readField(ModelAttributes attrs) {
        String name = attrs.requiredString("name");
        PromptFieldType type = attrs.choice("type", wire -> PromptFieldType.fromWireName(wire).orElseThrow(
                () -> new IllegalArgumentException("prompt type '" + wire + "' is not one of "
                        + java.util.Arrays.stream(PromptFieldType.values()).map(PromptFieldType::wireName).toList())),
                PromptFieldType.TEXT);
        return new PromptField(name, attrs.requiredString("field_key"), attrs.string("label", ""), type,
                attrs.bool("required", true), attrs.string("placeholder", ""), attrs.string("initial_value", ""),
                attrs.bool("placeholder_expression", false), attrs.bool("initial_value_expression", false),
                attrs.integer("order", 0), attrs.string("sub_text", ""), choices(attrs));
    }

    private static List<PromptChoice> choices(ModelAttributes attrs) {
        Object value = attrs.value("choices");
        List<PromptChoice> choices = new ArrayList<>();
        if (value == null) {
            return choices;
        }
        if (!(value instanceof List<?> list)) {
            attrs.problem("choices", "must be a list of {label, value} or of strings");
            return choices;
        }
        for (Object item : list) {
            if (item instanceof String text) {
                choices.add(PromptChoice.of(text));
            } else if (item instanceof Map<?, ?> map && map.get("value") instanceof String choice) {
                choices.add(new PromptChoice(map.get("label") instanceof String label ? label : choice, choice));
            } else {
                attrs.problem("choices", "each choice must be a string or {label, value}, got " + item);
            }
        }
        return choices;
    }

    private static Map<String, Object> writeField(PromptField field) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("field_key", field.fieldKey());
        attrs.put("label", field.label());
        attrs.put("type", field.type().wireName());
        attrs.put("required", field.required());
        attrs.put("placeholder", field.placeholder());
        attrs.put("placeholder_expression", field.placeholderExpression());
        attrs.put("initial_value", field.initialValue());
        attrs.put("initial_value_expression", field.initialValueExpression());
        attrs.put("order", field.order());
        attrs.put("sub_text", field.subText());
        if (!field.choices().isEmpty()) {
            attrs.put("choices", field.choices().stream().map(choice -> Map.of("label", choice.label(), "value", choice.value())).toList());
        }
        return attrs;
    }
}
