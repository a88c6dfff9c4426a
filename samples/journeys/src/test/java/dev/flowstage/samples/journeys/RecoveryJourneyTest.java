package dev.flowstage.samples.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.spi.Mailer;
import dev.flowstage.stages.email.SmtpMailer;
import dev.flowstage.stages.email.SmtpSettings;
import dev.flowstage.testkit.FlowKit;
import dev.flowstage.testkit.FlowstageExtension;
import dev.flowstage.testkit.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecoveryJourneyTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = MailServer.extension();

    @RegisterExtension
    final FlowstageExtension flows = FlowstageExtension.with(kit -> {
        new Journeys("http://127.0.0.1:9000").all().forEach(kit::flow);
        kit.user("alice", "old password 1");
        kit.configure(engine -> engine.service(Mailer.class, MailServer.mailer(MAIL)));
    });

    private static Scenario signIn(FlowKit kit, String password) {
        return kit.start(Journeys.AUTHENTICATION).answer(Map.of("uid_field", "alice")).answer(Map.of("password", password));
    }

    @Test
    void recovery_mailLinkThenNewPassword_replacesTheOldOne() throws Exception {
        Scenario scenario = flows.start(Journeys.RECOVERY)
                .expect("ak-stage-identification")
                .answer(Map.of("uid_field", "Alice@Example.com"))
                .expect("ak-stage-email");
        MAIL.waitForIncomingEmail(5_000, 1);
        String token = MailServer.flowToken(MailServer.to(MAIL, "alice@example.com").get(0));
        assertThat(flows.kit().engine().resume(token, RequestInfo.anonymous()).challenge().component())
                .isEqualTo("ak-stage-consent");

        scenario.answer(Map.of("token", token))
                .expect("ak-stage-prompt")
                .answer(Map.of("password", "short", "password_repeat", "short"))
                .expectFieldError("non_field_errors", "invalid", "Password needs to be 8 characters or longer.")
                .answer(Map.of("password", "a brand new secret", "password_repeat", "a different one"))
                .expectFieldError("non_field_errors", "invalid")
                .answer(Map.of("password", "a brand new secret", "password_repeat", "a brand new secret"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"));

        signIn(flows.kit(), "old password 1").expectFieldError("password", "invalid", "Invalid password");
        signIn(flows.kit(), "a brand new secret").expectCompleted();
    }

    @Test
    void attackerWhoStartedTheReset_cannotFinishItAfterTheVictimConfirms() throws Exception {
        dev.flowstage.api.ExecutionId attackers = flows.start(Journeys.RECOVERY)
                .answer(Map.of("uid_field", "alice")).expect("ak-stage-email").result().executionId();
        MAIL.waitForIncomingEmail(5_000, 1);
        String token = MailServer.flowToken(MailServer.to(MAIL, "alice@example.com").get(0));
        FlowResult confirm = flows.kit().engine().resume(token, RequestInfo.anonymous());
        FlowResult victims = flows.kit().engine().submit(confirm.executionId(),
                dev.flowstage.api.ChallengeResponse.of(Map.of("token", token)), RequestInfo.anonymous());
        assertThat(victims.challenge().component()).isEqualTo("ak-stage-prompt");

        assertThat(flows.kit().engine().current(attackers)).isInstanceOf(FlowResult.Cancelled.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flows.kit().engine().submit(attackers,
                        dev.flowstage.api.ChallengeResponse.of(Map.of("password", "attacker pw 1", "password_repeat",
                                "attacker pw 1")), RequestInfo.anonymous()))
                .isInstanceOf(dev.flowstage.api.ExecutionNotFoundException.class);
        assertThat(flows.kit().users().passwordMatches("alice", "old password 1")).isTrue();
    }

    @Test
    void unknownAddress_getsTheSameAnswerAndNoMail() {
        FlowResult known = flows.start(Journeys.RECOVERY).answer(Map.of("uid_field", "alice@example.com")).result();
        FlowResult unknown = flows.start(Journeys.RECOVERY).answer(Map.of("uid_field", "nobody@example.com")).result();
        assertThat(flows.kit().engine().toJson(unknown)).isEqualTo(flows.kit().engine().toJson(known));
        assertThat(MailServer.to(MAIL, "nobody@example.com")).isEmpty();
    }

    @Test
    void smtpDown_showsAClearErrorAndKeepsTheExecution() {
        try (FlowKit kit = FlowKit.builder().transcriptName("RecoveryJourneyTest")
                .flow(new Journeys("http://127.0.0.1:9000").recovery()).user("alice", "old password 1")
                .configure(engine -> engine.service(Mailer.class,
                        new SmtpMailer(SmtpSettings.defaults().withServer("127.0.0.1", 1))))
                .build()) {
            Scenario scenario = kit.start(Journeys.RECOVERY).answer(Map.of("uid_field", "alice"))
                    .expect("ak-stage-email")
                    .expectFieldError("non_field_errors", "email-failed");
            assertThat(kit.engine().current(scenario.result().executionId()).challenge().component())
                    .isEqualTo("ak-stage-email");
            scenario.answer(Map.of()).expect("ak-stage-email").expectFieldError("non_field_errors", "email-failed");
        }
    }
}
