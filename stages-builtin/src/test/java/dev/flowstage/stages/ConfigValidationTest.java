package dev.flowstage.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.stages.deny.DenyConfig;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.redirect.RedirectConfig;
import dev.flowstage.stages.redirect.RedirectMode;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userlogout.UserLogoutConfig;
import dev.flowstage.stages.testing.ConfigViolations;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validates configs with Hibernate Validator, as the engine does when a flow compiles. */
class ConfigValidationTest {

    @Test
    void defaults_ofEveryConfig_haveNoViolations() {
        List<Object> defaults = List.of(IdentificationConfig.defaults(), PasswordConfig.defaults(),
                UserLoginConfig.defaults(), UserLogoutConfig.defaults(), DenyConfig.defaults(), DummyConfig.defaults(),
                RedirectConfig.defaults(), RedirectConfig.toFlow("enroll"));

        assertThat(defaults).allSatisfy(config -> assertThat(ConfigViolations.of(config)).isEmpty());
    }

    @Test
    void identification_badSlugsAndNullFields_reportedTogether() {
        var config = new IdentificationConfig(Arrays.asList(UserField.EMAIL, null), true, true, true, false, false,
                "a/b", "ok-slug", "has space", false);

        assertThat(ConfigViolations.of(config)).containsExactlyInAnyOrder(
                "userFields[1].<list element>", "enrollmentFlow", "passwordlessFlow");
        assertThat(ConfigViolations.of(IdentificationConfig.defaults().withUserFields().withRecoveryFlow(null))).isEmpty();
    }

    @Test
    void identification_nullUserFields_reported() {
        var config = new IdentificationConfig(null, true, true, true, false, false, null, null, null, false);

        assertThat(ConfigViolations.of(config)).containsExactly("userFields");
    }

    @Test
    void password_zeroAttempts_reported() {
        assertThat(ConfigViolations.of(PasswordConfig.defaults().withFailedAttemptsBeforeCancel(0)))
                .containsExactly("failedAttemptsBeforeCancel");
    }

    @Test
    void identification_zeroAttempts_reported() {
        assertThat(ConfigViolations.of(IdentificationConfig.defaults().withFailedAttemptsBeforeCancel(0)))
                .containsExactly("failedAttemptsBeforeCancel");
    }

    @Test
    void userLogin_nullDurations_reported() {
        assertThat(ConfigViolations.of(new UserLoginConfig(null, Duration.ZERO))).containsExactly("sessionDuration");
    }

    @Test
    void redirect_nullModeHostsAndBadSlug_reported() {
        assertThat(ConfigViolations.of(new RedirectConfig(null, null, "bad/slug", true, null)))
                .containsExactlyInAnyOrder("mode", "targetFlow", "allowedHosts");
        assertThat(new RedirectConfig(RedirectMode.STATIC, "/", null, true, Set.of("A.Example")).allowedHosts())
                .containsExactly("a.example");
    }

    @Test
    void deny_nullMessage_reported() {
        assertThat(ConfigViolations.of(new DenyConfig(null))).containsExactly("denyMessage");
    }
}
