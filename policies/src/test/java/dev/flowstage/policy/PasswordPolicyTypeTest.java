package dev.flowstage.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class PasswordPolicyTypeTest {
    private static final String MESSAGE = "Password needs to be 8 characters or longer.";
    private final PasswordPolicyType type = new PasswordPolicyType();

    private Policy policy(PasswordPolicyConfig config) {
        return type.compile("pw", config);
    }

    private static PolicyRequest promptData(Map<String, ?> data) {
        return new PolicyRequest(null, RequestInfo.anonymous(),
                FlowContext.empty().with(ContextKeys.PROMPT_DATA, new HashMap<>(data)));
    }

    private static PolicyRequest password(String password) {
        return promptData(Map.of("password", password));
    }

    @Test
    void type_idAndConfig_areTheDocumentedOnes() {
        assertThat(type.typeId()).isEqualTo("builtin.password_policy");
        assertThat(type.configType()).isEqualTo(PasswordPolicyConfig.class);
        assertThat(type.compile("pw", PasswordPolicyConfig.defaults()).runsInline()).isTrue();
        assertThat(PasswordPolicyType.definition("pw", PasswordPolicyConfig.defaults()).type())
                .isEqualTo(PasswordPolicyType.TYPE);
    }

    @Test
    void defaults_areAuthentiks() {
        PasswordPolicyConfig config = PasswordPolicyConfig.defaults();

        assertThat(config.passwordField()).isEqualTo("password");
        assertThat(config.symbolCharset()).isEqualTo("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ");
        assertThat(config.checkStrength()).isFalse();
        assertThat(config.strengthScoreThreshold()).isEqualTo(2);
        assertThat(policy(config).evaluate(password("x"))).isEqualTo(PolicyResult.pass());
    }

    @Test
    void evaluate_noPassword_failsNotSet() {
        Policy policy = policy(PasswordPolicyConfig.defaults());

        assertThat(policy.evaluate(promptData(Map.of()))).isEqualTo(PolicyResult.fail("Password not set in context"));
        assertThat(policy.evaluate(password(""))).isEqualTo(PolicyResult.fail("Password not set in context"));
        assertThat(policy.evaluate(new PolicyRequest(null, RequestInfo.anonymous(), FlowContext.empty())))
                .isEqualTo(PolicyResult.fail("Password not set in context"));
    }

    @Test
    void evaluate_passwordInContextNotPromptData_isRead() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withPasswordField("new_password").withLengthMin(3));
        FlowContext context = FlowContext.of(Map.of("new_password", "abcd"));

        assertThat(policy.evaluate(new PolicyRequest(null, RequestInfo.anonymous(), context)))
                .isEqualTo(PolicyResult.pass());
        assertThat(policy.evaluate(promptData(Map.of("new_password", Secret.of("ab")))))
                .isEqualTo(PolicyResult.fail("Invalid password."));
    }

    @Test
    void evaluate_promptDataWinsOverContext() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withLengthMin(5));
        FlowContext context = FlowContext.of(Map.of("password", "long enough"))
                .with(ContextKeys.PROMPT_DATA, Map.of("password", "shrt"));

        assertThat(policy.evaluate(new PolicyRequest(null, RequestInfo.anonymous(), context)))
                .isEqualTo(PolicyResult.fail("Invalid password."));
    }

    @Test
    void evaluate_tooShort_failsWithConfiguredMessage() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withLengthMin(8).withErrorMessage(MESSAGE));

        assertThat(policy.evaluate(password("1234567"))).isEqualTo(PolicyResult.fail(MESSAGE));
        assertThat(policy.evaluate(password("12345678"))).isEqualTo(PolicyResult.pass());
    }

    @Test
    void evaluate_blankErrorMessage_failsWithInvalidPassword() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withLengthMin(8).withErrorMessage("  "));

        assertThat(policy.evaluate(password("short"))).isEqualTo(PolicyResult.fail("Invalid password."));
    }

    @Test
    void evaluate_eachStaticRule_isCheckedOnItsOwnCount() {
        PasswordPolicyConfig base = PasswordPolicyConfig.defaults().withErrorMessage("no");

        assertRule(base.withAmountDigits(2), "ab1", "ab12");
        assertRule(base.withAmountLowercase(2), "ABc", "ABcd");
        assertRule(base.withAmountUppercase(2), "abC", "abCD");
        assertRule(base.withAmountSymbols(2), "ab!", "ab! ");
        assertRule(base.withAmountSymbols(1).withSymbolCharset("§"), "ab!", "ab§");
        assertRule(base.withLengthMin(3), "ab", "abc");
    }

    @Test
    void evaluate_uppercaseRule_comparesWithAmountUppercase_notAuthentiksLowercaseSlip() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withAmountUppercase(1).withAmountLowercase(3));

        assertThat(policy.evaluate(password("abcD"))).isEqualTo(PolicyResult.pass());
        assertThat(policy.evaluate(password("abcd"))).isEqualTo(PolicyResult.fail("Invalid password."));
    }

    @Test
    void evaluate_lengthAndLetters_countUnicodeCodePoints() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withLengthMin(4).withAmountUppercase(1));

        assertThat(policy.evaluate(password("\uD83D\uDE00\uD83D\uDE00Äb"))).isEqualTo(PolicyResult.pass());
        assertThat(policy.evaluate(password("\uD83D\uDE00Äb"))).isEqualTo(PolicyResult.fail("Invalid password."));
    }

    @Test
    void evaluate_strengthCheck_weakPasswordFailsWithAdvice_strongPasses() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withStrengthCheck(2));

        PolicyResult weak = policy.evaluate(password("password1"));
        assertThat(weak).isInstanceOf(PolicyResult.Fail.class);
        assertThat(weak.messages()).first().isEqualTo("Password is too weak.");
        assertThat(weak.messages()).contains("Avoid common passwords and words.")
                .noneMatch(message -> message.contains("password1"));
        assertThat(policy.evaluate(password("correct horse battery staple"))).isEqualTo(PolicyResult.pass());
    }

    @Test
    void evaluate_strengthCheck_usernameCountsAsGuessable() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withStrengthCheck(1));
        User user = User.of("u-1", "maximilian", "max@example.com");
        FlowContext context = FlowContext.empty().with(ContextKeys.PROMPT_DATA, Map.of("password", "Maximilian1987"));

        assertThat(policy.evaluate(new PolicyRequest(null, RequestInfo.anonymous(), context)))
                .isEqualTo(PolicyResult.pass());
        PolicyResult personal = policy.evaluate(new PolicyRequest(user, RequestInfo.anonymous(), context));
        assertThat(personal.messages()).contains("Password is too weak.", "Avoid your name, username or email address.");
    }

    @Test
    void evaluate_staticFailure_stopsBeforeStrength() {
        Policy policy = policy(PasswordPolicyConfig.defaults().withLengthMin(40).withErrorMessage("long").withStrengthCheck(0));

        assertThat(policy.evaluate(password("password"))).isEqualTo(PolicyResult.fail("long"));
    }

    @Test
    void config_badValues_rejectedWithTheirNames() {
        assertThatThrownBy(() -> PasswordPolicyConfig.defaults().withLengthMin(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("password policy lengthMin must not be negative: -1");
        assertThatThrownBy(() -> PasswordPolicyConfig.defaults().withAmountSymbols(-2))
                .hasMessageContaining("amountSymbols");
        assertThatThrownBy(() -> PasswordPolicyConfig.defaults().withStrengthCheck(4))
                .hasMessageContaining("strengthScoreThreshold must be between 0 and 3");
        assertThatThrownBy(() -> PasswordPolicyConfig.defaults().withPasswordField(" "))
                .hasMessageContaining("passwordField must not be blank");
        assertThatThrownBy(() -> PasswordPolicyConfig.defaults().withErrorMessage(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void engine_builtinTypes_compileAndRunThePasswordPolicy() {
        var types = new HashMap<String, dev.flowstage.spi.PolicyType<?>>();
        BuiltinPolicyTypes.all().forEach(t -> types.put(t.typeId(), t));
        var binding = CompiledBinding.compile(PolicyBinding.policy(PasswordPolicyType.definition("pw",
                PasswordPolicyConfig.defaults().withLengthMin(8).withErrorMessage(MESSAGE))), types);
        PolicyEngine engine = new PolicyEngine(ForkJoinPool.commonPool(), error -> { });

        PolicyDecision decision = engine.evaluate(List.of(binding), PolicyEngineMode.ALL, password("short"));

        assertThat(decision.passing()).isFalse();
        assertThat(decision.messages()).containsExactly(MESSAGE);
    }

    private void assertRule(PasswordPolicyConfig config, String failing, String passing) {
        assertThat(policy(config).evaluate(password(failing))).as("%s with %s", failing, config)
                .isEqualTo(PolicyResult.fail("no"));
        assertThat(policy(config).evaluate(password(passing))).as("%s with %s", passing, config)
                .isEqualTo(PolicyResult.pass());
    }
}
