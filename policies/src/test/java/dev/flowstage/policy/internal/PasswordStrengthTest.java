package dev.flowstage.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PasswordStrengthTest {

    private static int score(String password, String... inputs) {
        return PasswordStrength.estimate(password, List.of(inputs)).score();
    }

    @ParameterizedTest(name = "{0} scores at most {1}")
    @CsvSource(delimiter = '|', value = {
        "''|0", "password|0", "Password1|1", "p@ssw0rd|0", "123456|0", "qwertyuiop|0", "aaaaaaaaaaaaaaaa|0",
        "abcdefghijkl|0", "abcabcabcabc|0", "987654321|0", "19871987|1", "letmein2024|1", "iloveyou!|1"})
    void estimate_guessablePasswords_scoreLow(String password, int atMost) {
        assertThat(score(password)).isLessThanOrEqualTo(atMost);
    }

    @ParameterizedTest(name = "{0} scores at least {1}")
    @CsvSource(delimiter = '|', value = {
        "correct horse battery staple|4", "kT9#vq2!Lm8z|4", "Xq7mWp2Rt5|3", "tjwqpmzkrv|3"})
    void estimate_randomOrLongPasswords_scoreHigh(String password, int atLeast) {
        assertThat(score(password)).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void estimate_userInputs_makeTheirWordsGuessable() {
        assertThat(score("zebulon-quartz")).isEqualTo(4);
        assertThat(score("zebulon1987", "Zebulon")).isLessThanOrEqualTo(1);
        assertThat(score("quartzbird", "someone", "quartzbird@example.com")).isZero();
        assertThat(PasswordStrength.estimate("zebulon1987", List.of("zebulon")).feedback())
                .contains("Avoid your name, username or email address.", "Avoid years and dates.");
    }

    @Test
    void estimate_onlyTheFirst72Characters_count() {
        String head = "kT9#vq2!Lm8z".repeat(6);
        assertThat(PasswordStrength.estimate(head + "more", List.of()).bits())
                .isEqualTo(PasswordStrength.estimate(head, List.of()).bits());
    }

    @Test
    void estimate_feedback_neverQuotesThePassword() {
        PasswordStrength.Estimate estimate = PasswordStrength.estimate("aaaa1234qwerty", List.of());

        assertThat(estimate.feedback()).isNotEmpty().noneMatch(advice -> advice.contains("aaaa")
                || advice.contains("1234") || advice.contains("qwerty"));
    }

    @Test
    void poolSize_countsTheClassesInUse() {
        assertThat(PasswordStrength.poolSize("ab".codePoints().toArray())).isEqualTo(26);
        assertThat(PasswordStrength.poolSize("aB1!".codePoints().toArray())).isEqualTo(95);
        assertThat(PasswordStrength.poolSize("é".codePoints().toArray())).isEqualTo(100);
    }
}
