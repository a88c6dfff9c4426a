package dev.flowstage.stages.prompt;

import dev.flowstage.api.definition.PolicyDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Configuration of the prompt stage (authentik's {@code PromptStage} model).
 *
 * <p>Immutable. The constructor copies both lists (null stays null) but does not reject bad values:
 * Bean Validation and {@link PromptStage#validate(PromptConfig, dev.flowstage.spi.StageValidation)}
 * report them, all together, when a flow using the stage compiles.
 *
 * @param fields the fields, shown in ascending {@link PromptField#order()}
 * @param validationPolicies policies that must all pass (ALL mode) for a response to be accepted;
 *     they see the candidate values as {@code prompt_data}
 */
public record PromptConfig(
        @NotNull List<@NotNull @Valid PromptField> fields,
        @NotNull List<@NotNull PolicyDefinition> validationPolicies) {

    /** Copies the lists (null stays null, for Bean Validation to report). */
    public PromptConfig {
        fields = fields == null ? null : Collections.unmodifiableList(new ArrayList<>(fields));
        validationPolicies = validationPolicies == null
                ? null : Collections.unmodifiableList(new ArrayList<>(validationPolicies));
    }

    /** Returns a config with no fields and no validation policies. */
    public static PromptConfig defaults() {
        return new PromptConfig(List.of(), List.of());
    }

    /** Returns a config with {@code fields} and no validation policies. */
    public static PromptConfig of(PromptField... fields) {
        return new PromptConfig(List.of(fields), List.of());
    }

    /** Returns this config with {@code fields} instead of its fields. */
    public PromptConfig withFields(List<PromptField> fields) {
        return new PromptConfig(fields, validationPolicies);
    }

    /** Returns this config with {@code policies} as its validation policies. */
    public PromptConfig withValidationPolicies(List<PolicyDefinition> policies) {
        return new PromptConfig(fields, policies);
    }

    /** Returns this config with {@code policies} as its validation policies. */
    public PromptConfig withValidationPolicies(PolicyDefinition... policies) {
        return withValidationPolicies(List.of(policies));
    }
}
