package dev.flowstage.stages.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.stages.testing.ConfigViolations;
import jakarta.validation.Validation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bean Validation of the email configs, and the engine reporting their problems when a flow compiles. */
class EmailConfigTest {
    private static final EmailConfig DEFAULTS = EmailConfig.defaults("https://login.example.com");

    @Test
    void defaults_haveNoViolations() {
        assertThat(ConfigViolations.of(DEFAULTS)).isEmpty();
        assertThat(ConfigViolations.of(DEFAULTS.withSmtp(SmtpSettings.defaults()))).isEmpty();
        assertThat(ConfigViolations.of(SmtpSettings.defaults())).isEmpty();
    }

    @Test
    void defaults_matchAuthentik() {
        assertThat(DEFAULTS.useGlobalSettings()).isTrue();
        assertThat(DEFAULTS.tokenExpiry()).isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFAULTS.subject()).isEqualTo("Flowstage");
        assertThat(DEFAULTS.template()).isEqualTo(EmailTemplate.PASSWORD_RESET);
        assertThat(DEFAULTS.activateUserOnSuccess()).isFalse();
        assertThat(DEFAULTS.resendLimit()).isEqualTo(5);
        assertThat(DEFAULTS.resendWindow()).isEqualTo(Duration.ofMinutes(5));
        SmtpSettings smtp = SmtpSettings.defaults();
        assertThat(smtp.server()).isEqualTo("localhost:25");
        assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(smtp.from()).isEqualTo("system@flowstage.local");
        assertThat(smtp.authenticates()).isFalse();
    }

    @Test
    void everyBadField_isReportedTogether() {
        var config = new EmailConfig(false, new SmtpSettings("", 70000, null, null, false, false, null, " "), null, " ",
                null, "", false, 0, null);

        assertThat(ConfigViolations.of(config)).containsExactlyInAnyOrder("smtp.host", "smtp.port", "smtp.timeout", "smtp.from",
                "tokenExpiry", "subject", "template", "linkBaseUrl", "resendLimit", "resendWindow");
    }

    @Test
    void engine_refusesAFlowWithABadEmailConfig_listingEveryProblem() {
        var bad = DEFAULTS.withLinkBaseUrl("/relative").withSmtp(SmtpSettings.defaults().withServer("smtp.example.com", 0))
                .withTokenExpiry(Duration.ZERO);
        var flow = FlowDefinition.builder("verify").stage(10, EmailStage.definition("mail", bad)).build();

        assertThatThrownBy(() -> FlowEngines.builder().stage(new EmailStage()).flow(flow).build())
                .isInstanceOfSatisfying(FlowDefinitionException.class, e -> assertThat(String.join("\n", e.problems()))
                        .contains("smtp.port", "link_base_url '/relative'", "token_expiry must be positive"));
    }
}
