package dev.flowstage.stages.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.policy.PasswordPolicyConfig;
import dev.flowstage.policy.PasswordPolicyType;
import dev.flowstage.stages.testing.ConfigViolations;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptConfigTest {
    private final PromptStage stage = new PromptStage();

    private List<String> problems(PromptConfig config) {
        return stage.validate(config, PromptContext.validation());
    }

    @Test
    void validate_everyFieldTypeWithPasswordPolicy_hasNoProblems() {
        PromptConfig config = PromptSubmitTest.lengthChecked().withFields(Fields.ALL);

        assertThat(problems(config)).isEmpty();
        assertThat(ConfigViolations.of(config)).isEmpty();
        assertThat(problems(PromptConfig.defaults())).isEmpty();
    }

    @Test
    void validate_duplicateKeysAndNames_reported() {
        PromptField first = PromptField.of("email-1", "email", "Email", PromptFieldType.EMAIL);
        PromptField second = PromptField.of("email-2", "email", "Email again", PromptFieldType.EMAIL);
        PromptField third = PromptField.of("email-1", "mail", "Mail", PromptFieldType.EMAIL);

        assertThat(problems(PromptConfig.of(first, second, third))).containsExactly(
                "prompt 'email-2': field key 'email' is already used by prompt 'email-1'",
                "prompt name 'email-1' is used by more than one field");
    }

    @Test
    void validate_choiceFieldWithoutChoices_reported_unlessAnExpressionSuppliesThem() {
        PromptField bare = PromptField.of("team", "Team", PromptFieldType.DROPDOWN);

        assertThat(problems(PromptConfig.of(bare)))
                .containsExactly("prompt 'team' (dropdown): needs choices, or a placeholder expression that returns them");
        assertThat(problems(PromptConfig.of(bare.withPlaceholderExpression("prompt_data.teams")))).isEmpty();
        assertThat(problems(PromptConfig.of(bare.withPlaceholderExpression("prompt_data.teams")
                .withChoices(PromptChoice.of("dev")))))
                .containsExactly("prompt 'team' (dropdown): has both choices and a placeholder expression; keep one");
    }

    @Test
    void validate_choicesOnATextField_reported() {
        assertThat(problems(PromptConfig.of(Fields.NAME.withChoices(PromptChoice.of("x")))))
                .containsExactly("prompt 'name' (text): choices are only used by radio-button-group and dropdown fields");
    }

    @Test
    void validate_refusedExpressions_reportedAtCompileNamingTheConstruct() {
        PromptField name = Fields.NAME.withPlaceholderExpression("Runtime.getRuntime()")
                .withInitialValueExpression("new java.io.File('/etc/passwd')");

        List<String> problems = problems(PromptConfig.of(name));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("prompt 'name' placeholder: expression: ").contains("Runtime");
        assertThat(problems.get(1)).startsWith("prompt 'name' initial value: expression: ").contains("new");
    }

    @Test
    void validate_literalPlaceholder_isNeverCompiled() {
        assertThat(problems(PromptConfig.of(Fields.NAME.withPlaceholder("Runtime.getRuntime()")))).isEmpty();
    }

    @Test
    void validate_badValidationPolicies_reported() {
        PromptConfig config = PromptConfig.of(Fields.NAME).withValidationPolicies(
                PolicyDefinition.expression("evil", "System.exit(0)"),
                PolicyDefinition.of("unknown", "builtin.geoip", "config"),
                PasswordPolicyType.definition("fine", PasswordPolicyConfig.defaults()));

        List<String> problems = problems(config);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("validation policy 'evil': expression policy 'evil': ").contains("System");
        assertThat(problems.get(1)).startsWith("validation policy 'unknown': ").contains("not registered");
    }

    @Test
    void validate_nullParts_reportedByBeanValidation_withoutFailing() {
        PromptField broken = new PromptField(null, " ", null, null, true, null, "", false, false, 0, "", null);
        PromptConfig config = new PromptConfig(Arrays.asList(broken, null), null);

        assertThat(problems(config)).containsExactly("prompt 'null': label must not be null");
        assertThat(problems(new PromptConfig(null, null))).isEmpty();
        assertThat(ConfigViolations.of(config)).containsExactlyInAnyOrder("fields[0].name", "fields[0].fieldKey",
                "fields[0].label", "fields[0].type", "fields[0].placeholder", "fields[1].<list element>",
                "validationPolicies");
    }

    @Test
    void field_withers_changeOnlyTheirComponent() {
        PromptField field = PromptField.of("nick", "Nickname", PromptFieldType.TEXT);

        assertThat(field).isEqualTo(new PromptField("nick", "nick", "Nickname", PromptFieldType.TEXT, true, "", "",
                false, false, 0, "", List.of()));
        assertThat(field.withPlaceholderExpression("user.name").withPlaceholder("x").placeholderExpression()).isFalse();
        assertThat(field.withInitialValueExpression("user.name").initialValueExpression()).isTrue();
        assertThat(field.withRequired(false).withOrder(3).withSubText("s").withLabel("L"))
                .isEqualTo(new PromptField("nick", "nick", "L", PromptFieldType.TEXT, false, "", "", false, false, 3,
                        "s", List.of()));
    }

    @Test
    void fieldType_wireNames_roundTrip() {
        for (PromptFieldType type : PromptFieldType.values()) {
            assertThat(PromptFieldType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(PromptFieldType.fromWireName("file")).isEmpty();
        assertThat(PromptFieldType.DATE_TIME.wireName()).isEqualTo("date-time");
        assertThat(PromptFieldType.RADIO_BUTTON_GROUP.wireName()).isEqualTo("radio-button-group");
    }
}
