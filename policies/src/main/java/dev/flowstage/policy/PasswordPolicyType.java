package dev.flowstage.policy;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.Secret;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.policy.internal.PasswordStrength;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import dev.flowstage.spi.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The password policy type ({@value #TYPE}): authentik's password policy, usually bound as a
 * validation policy of a prompt stage.
 *
 * <p>The password is read from the context's {@code prompt_data} under the configured field, else
 * from the context itself under that name; a missing or empty password fails with
 * {@value #NOT_SET}. Then, stopping at the first failure:
 * <ol>
 *   <li><b>static rules</b>, in authentik's order: minimum length, digits, lower-case, upper-case,
 *       symbols. Lengths count Unicode code points and letters and digits are recognised in any
 *       script (authentik counts ASCII {@code [a-z]}, {@code [A-Z]}, {@code [0-9]} only). A failure
 *       carries the configured error message, or {@value #INVALID_PASSWORD} when it is blank
 *       (authentik returns an empty message then). authentik compares the upper-case count with
 *       {@code amount_lowercase}; this compares it with {@code amountUppercase}.</li>
 *   <li><b>strength</b>, when {@code checkStrength} is set: the password passes only when its score
 *       is above {@code strengthScoreThreshold}, else it fails with {@value #TOO_WEAK} followed by
 *       advice that never repeats the password. The score comes from a small estimator written for
 *       Flowstage that approximates zxcvbn (see {@link PasswordStrength}); it is <b>not</b> zxcvbn
 *       and rates some passwords differently. The user's username, name and email address (and
 *       {@code prompt_data}'s {@code username}, {@code name} and {@code email}) count as guessable
 *       words.</li>
 * </ol>
 * The Have I Been Pwned check of authentik is not offered: it needs the network, which an
 * inline policy must not use.
 *
 * <p>Evaluation is a bounded computation with no I/O, so the policy runs inline. Messages never
 * contain the password. Stateless and thread-safe.
 */
public final class PasswordPolicyType implements PolicyType<PasswordPolicyConfig> {
    /** The type id. */
    public static final String TYPE = "builtin.password_policy";
    /** The failure when there is no password to check. */
    public static final String NOT_SET = "Password not set in context";
    /** The failure of a static rule when the configured error message is blank. */
    public static final String INVALID_PASSWORD = "Invalid password.";
    /** The first message of a failed strength check. */
    public static final String TOO_WEAK = "Password is too weak.";

    /** Creates the type; it holds no state. */
    public PasswordPolicyType() {}

    /** Returns a policy definition named {@code name} of this type with {@code config}. */
    public static PolicyDefinition definition(String name, PasswordPolicyConfig config) {
        return PolicyDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link PasswordPolicyConfig}. */
    @Override
    public Class<PasswordPolicyConfig> configType() {
        return PasswordPolicyConfig.class;
    }

    /** Returns the policy for {@code config}; every config is valid once constructed. */
    @Override
    public Policy compile(String policyName, PasswordPolicyConfig config) {
        return new PasswordPolicy(config);
    }

    /** One compiled password policy. */
    private record PasswordPolicy(PasswordPolicyConfig config) implements Policy {

        @Override
        public PolicyResult evaluate(PolicyRequest request) {
            Optional<String> password = password(request, config.passwordField());
            if (password.isEmpty()) {
                return PolicyResult.fail(NOT_SET);
            }
            if (!passesStaticRules(password.get())) {
                return PolicyResult.fail(config.errorMessage().isBlank() ? INVALID_PASSWORD : config.errorMessage());
            }
            return config.checkStrength() ? strength(password.get(), request) : PolicyResult.pass();
        }

        @Override
        public boolean runsInline() {
            return true;
        }

        private boolean passesStaticRules(String password) {
            return password.codePointCount(0, password.length()) >= config.lengthMin()
                    && count(password, Character::isDigit) >= config.amountDigits()
                    && count(password, Character::isLowerCase) >= config.amountLowercase()
                    && count(password, Character::isUpperCase) >= config.amountUppercase()
                    && count(password, c -> config.symbolCharset().indexOf(c) >= 0) >= config.amountSymbols();
        }

        private PolicyResult strength(String password, PolicyRequest request) {
            PasswordStrength.Estimate estimate = PasswordStrength.estimate(password, userInputs(request));
            if (estimate.score() > config.strengthScoreThreshold()) {
                return PolicyResult.pass();
            }
            List<String> messages = new ArrayList<>();
            messages.add(TOO_WEAK);
            messages.addAll(estimate.feedback());
            return PolicyResult.of(false, messages);
        }

        private static long count(String password, IntPredicate kind) {
            return password.codePoints().filter(kind).count();
        }
    }

    /** Returns the non-empty password under {@code field} in prompt_data, else in the context. */
    static Optional<String> password(PolicyRequest request, String field) {
        Map<String, Object> context = request.context().asMap();
        Object value = promptData(request).containsKey(field) ? promptData(request).get(field) : context.get(field);
        if (value instanceof Secret secret) {
            value = secret.reveal();
        }
        return Optional.ofNullable(value).map(String::valueOf).filter(text -> !text.isEmpty());
    }

    private static Map<?, ?> promptData(PolicyRequest request) {
        Object data = request.context().asMap().get(ContextKeys.PROMPT_DATA.name());
        return data instanceof Map<?, ?> map ? map : Map.of();
    }

    /** Returns the words the user is known by: the user's and prompt_data's username, name and email. */
    private static List<String> userInputs(PolicyRequest request) {
        List<String> inputs = new ArrayList<>();
        request.optionalUser().ifPresent(user -> inputs.addAll(List.of(user.username(), user.name(), user.email())));
        Map<?, ?> promptData = promptData(request);
        for (String key : List.of("username", "name", "email")) {
            if (promptData.get(key) instanceof String text) {
                inputs.add(text);
            }
        }
        return inputs;
    }
}
