package dev.flowstage.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.policy.internal.PasswordStrength;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The password policy agrees with a direct reading of its static rules, and the estimator is total. */
class PasswordPolicyProperties {

    @Property
    void staticRules_agreeWithDirectCounts(@ForAll @StringLength(min = 1, max = 30) String password,
            @ForAll @IntRange(max = 12) int lengthMin, @ForAll @IntRange(max = 3) int upper,
            @ForAll @IntRange(max = 3) int lower, @ForAll @IntRange(max = 3) int digits,
            @ForAll @IntRange(max = 3) int symbols) {
        PasswordPolicyConfig config = PasswordPolicyConfig.defaults().withLengthMin(lengthMin).withAmountUppercase(upper)
                .withAmountLowercase(lower).withAmountDigits(digits).withAmountSymbols(symbols).withErrorMessage("bad");
        boolean expected = password.codePoints().count() >= lengthMin
                && password.codePoints().filter(Character::isUpperCase).count() >= upper
                && password.codePoints().filter(Character::isLowerCase).count() >= lower
                && password.codePoints().filter(Character::isDigit).count() >= digits
                && password.codePoints().filter(c -> config.symbolCharset().indexOf(c) >= 0).count() >= symbols;

        PolicyResult result = new PasswordPolicyType().compile("p", config).evaluate(new PolicyRequest(null,
                RequestInfo.anonymous(), FlowContext.empty().with(ContextKeys.PROMPT_DATA, Map.of("password", password))));

        assertThat(result).isEqualTo(expected ? PolicyResult.pass() : PolicyResult.fail("bad"));
    }

    @Property
    void estimate_anyInput_scoresWithinRangeAndNeverQuotesIt(@ForAll @StringLength(max = 100) String password,
            @ForAll @StringLength(max = 20) String username) {
        PasswordStrength.Estimate estimate = PasswordStrength.estimate(password, List.of(username));

        assertThat(estimate.score()).isBetween(0, 4);
        assertThat(estimate.bits()).isNotNegative();
        if (password.length() >= 4) {
            assertThat(estimate.feedback()).noneMatch(advice -> advice.contains(password));
        }
    }
}
