package dev.flowstage.samples.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.TokenException;
import dev.flowstage.api.User;
import dev.flowstage.spi.Mailer;
import dev.flowstage.stages.invitation.Invitations;
import dev.flowstage.testkit.FlowstageExtension;
import dev.flowstage.testkit.Scenario;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvitationJourneyTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = MailServer.extension();

    @RegisterExtension
    final FlowstageExtension flows = FlowstageExtension.with(kit -> {
        new Journeys("http://127.0.0.1:9000").all().forEach(kit::flow);
        kit.configure(engine -> engine.service(Mailer.class, MailServer.mailer(MAIL)));
    });

    private String invite(String email) {
        return Invitations.issue(flows.kit().invitations(), new SecureRandom(), flows.kit().clock(), "invite-" + email,
                Duration.ofDays(7), true, Map.of("email", email), Journeys.INVITATION_ENROLLMENT, "akadmin")
                .token().reveal();
    }

    private Scenario enrollBob(String itoken) {
        return flows.kit().start(Journeys.INVITATION_ENROLLMENT, RequestInfo.anonymous().withQuery(Map.of("itoken", itoken)))
                .expect("ak-stage-prompt")
                .answer(Map.of("username", "bob", "name", "Bob", "email", "bob@example.com",
                        "password", "a long passphrase", "password_repeat", "a long passphrase"))
                .expect("ak-stage-email");
    }

    @Test
    void invitation_toConfirmedMail_toLoggedInAdmin() throws Exception {
        Scenario scenario = enrollBob(invite("bob@example.com"));
        User created = flows.kit().users().get("bob");
        assertThat(created.active()).as("inactive until the address is confirmed").isFalse();
        assertThat(created.groups()).containsExactly(Journeys.ADMINS);

        MAIL.waitForIncomingEmail(5_000, 1);
        String token = MailServer.flowToken(MailServer.to(MAIL, "bob@example.com").get(0));
        FlowResult confirm = flows.kit().engine().resume(token, RequestInfo.anonymous().withClientIp("203.0.113.9"));
        assertThat(confirm.executionId()).isEqualTo(scenario.result().executionId());
        assertThat(confirm.challenge().component()).isEqualTo("ak-stage-consent");
        assertThat(flows.kit().users().get("bob").active()).as("a GET of the link changes nothing").isFalse();

        scenario.answer(Map.of("token", token))
                .expectCompleted(user -> {
                    assertThat(user.username()).isEqualTo("bob");
                    assertThat(user.active()).isTrue();
                    assertThat(user.isMemberOf(Journeys.ADMINS)).isTrue();
                });
        assertThatThrownBy(() -> flows.kit().engine().resume(token, RequestInfo.anonymous()))
                .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.USED));
    }

    @Test
    void invitation_isSingleUse() {
        String itoken = invite("carol@example.com");
        flows.kit().start(Journeys.INVITATION_ENROLLMENT, RequestInfo.anonymous().withQuery(Map.of("itoken", itoken)))
                .expect("ak-stage-prompt");
        flows.kit().start(Journeys.INVITATION_ENROLLMENT, RequestInfo.anonymous().withQuery(Map.of("itoken", itoken)))
                .expectDenied("Invalid invite/invite not found");
    }

    @Test
    void missingOrForgedInvitation_isRefusedWithoutCreatingAnyone() {
        int before = flows.kit().users().all().size();
        flows.start(Journeys.INVITATION_ENROLLMENT).expectDenied("Invalid invite/invite not found");
        flows.kit().start(Journeys.INVITATION_ENROLLMENT, RequestInfo.anonymous().withQuery(Map.of("itoken", "forged")))
                .expectDenied("Invalid invite/invite not found");
        assertThat(flows.kit().users().all()).hasSize(before);
    }

    @Test
    void tamperedAndExpiredLinks_getClearErrorsAndChangeNothing() throws Exception {
        Scenario scenario = enrollBob(invite("bob@example.com"));
        MAIL.waitForIncomingEmail(5_000, 1);
        String token = MailServer.flowToken(MailServer.to(MAIL, "bob@example.com").get(0));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("xx") ? "yy" : "xx");
        assertThatThrownBy(() -> flows.kit().engine().resume(tampered, RequestInfo.anonymous()))
                .isInstanceOf(TokenException.class).hasMessage("This link is not valid. Please request a new one.");
        scenario.answer(Map.of("token", tampered)).expect("ak-stage-email")
                .expectFieldError("non_field_errors", "invalid", "This link is not valid. Please request a new one.");
        assertThat(flows.kit().users().get("bob").active()).isFalse();

        flows.kit().clock().advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> flows.kit().engine().resume(token, RequestInfo.anonymous()))
                .isInstanceOf(TokenException.class).hasMessage("This link has expired. Please request a new one.");
        assertThat(flows.kit().users().get("bob").active()).isFalse();
    }
}
