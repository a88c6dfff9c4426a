package dev.flowstage.stages.prompt;

import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.spi.StageValidation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the problems of a prompt config beyond Bean Validation: unique names and field keys,
 * choices where they belong, expressions and policies that compile. Null parts (which Bean
 * Validation reports) are skipped, never dereferenced.
 */
final class PromptConfigCheck {
    private final StageValidation validation;
    private final List<String> problems = new ArrayList<>();

    private PromptConfigCheck(StageValidation validation) {
        this.validation = validation;
    }

    static List<String> problems(PromptConfig config, StageValidation validation) {
        PromptConfigCheck check = new PromptConfigCheck(validation);
        check.checkFields(config.fields() == null ? List.of() : config.fields());
        check.checkPolicies(config.validationPolicies() == null ? List.of() : config.validationPolicies());
        return List.copyOf(check.problems);
    }

    private void checkFields(List<PromptField> fields) {
        Map<String, String> keys = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        for (PromptField field : fields) {
            if (field == null) {
                continue;
            }
            String previous = field.fieldKey() == null ? null : keys.putIfAbsent(field.fieldKey(), field.name());
            if (previous != null) {
                problems.add("prompt '" + field.name() + "': field key '" + field.fieldKey()
                        + "' is already used by prompt '" + previous + "'");
            }
            if (field.name() != null && names.merge(field.name(), 1, Integer::sum) == 2) {
                problems.add("prompt name '" + field.name() + "' is used by more than one field");
            }
            checkField(field);
        }
    }

    private void checkField(PromptField field) {
        String where = "prompt '" + field.name() + "'";
        if (field.label() == null) {
            problems.add(where + ": label must not be null");
        }
        if (field.type() != null) {
            checkChoices(where, field);
        }
        if (field.placeholderExpression()) {
            checkExpression(where + " placeholder", field.placeholder());
        }
        if (field.initialValueExpression()) {
            checkExpression(where + " initial value", field.initialValue());
        }
    }

    private void checkChoices(String where, PromptField field) {
        String type = " (" + field.type().wireName() + ")";
        if (!field.type().isChoice() && !field.choices().isEmpty()) {
            problems.add(where + type + ": choices are only used by radio-button-group and dropdown fields");
        } else if (field.type().isChoice() && field.choices().isEmpty() && !field.placeholderExpression()) {
            problems.add(where + type + ": needs choices, or a placeholder expression that returns them");
        } else if (field.type().isChoice() && !field.choices().isEmpty() && field.placeholderExpression()) {
            problems.add(where + type + ": has both choices and a placeholder expression; keep one");
        }
    }

    private void checkExpression(String where, String source) {
        if (source == null) {
            return;
        }
        validation.checkExpression(source).forEach(problem -> problems.add(where + ": " + problem));
    }

    private void checkPolicies(List<PolicyDefinition> policies) {
        for (PolicyDefinition policy : policies) {
            if (policy != null) {
                validation.checkPolicy(policy).forEach(problem ->
                        problems.add("validation policy '" + policy.name() + "': " + problem));
            }
        }
    }
}
