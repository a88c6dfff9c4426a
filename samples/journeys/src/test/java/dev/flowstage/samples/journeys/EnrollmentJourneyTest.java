package dev.flowstage.samples.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.spi.Mailer;
import dev.flowstage.testkit.FlowstageExtension;
import dev.flowstage.testkit.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnrollmentJourneyTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = MailServer.extension();

    @RegisterExtension
    final FlowstageExtension flows = FlowstageExtension.with(kit -> {
        new Journeys("http://127.0.0.1:9000").all().forEach(kit::flow);
        kit.user("taken", "some password");
        kit.configure(engine -> engine.service(Mailer.class, MailServer.mailer(MAIL)));
    });

    @Test
    void openEnrollment_twoPrompts_createsAndLogsInTheUser() {
        flows.start(Journeys.OPEN_ENROLLMENT)
                .expect("ak-stage-prompt")
                .answer(Map.of("username", "taken", "password", "long enough pw", "password_repeat", "long enough pw"))
                .expectFieldError("username", "invalid", "Username is already taken.")
                .answer(Map.of("username", "dave", "password", "long enough pw", "password_repeat", "long enough pw"))
                .expect("ak-stage-prompt")
                .answer(Map.of("name", "Dave", "email", "not an address"))
                .expectFieldError("email", "invalid", "Enter a valid email address.")
                .answer(Map.of("name", "Dave", "email", "dave@example.com"))
                .expectCompleted(user -> {
                    assertThat(user.username()).isEqualTo("dave");
                    assertThat(user.email()).isEqualTo("dave@example.com");
                    assertThat(user.active()).isTrue();
                });
        assertThat(flows.kit().users().passwordMatches("dave", "long enough pw")).isTrue();
    }

    @Test
    void emailVerifiedEnrollment_activatesOnlyAfterTheLink() throws Exception {
        Scenario scenario = flows.start(Journeys.EMAIL_VERIFIED_ENROLLMENT)
                .answer(Map.of("username", "erin", "password", "long enough pw", "password_repeat", "long enough pw"))
                .answer(Map.of("name", "Erin", "email", "erin@example.com"))
                .expect("ak-stage-email");
        assertThat(flows.kit().users().get("erin").active()).isFalse();
        MAIL.waitForIncomingEmail(5_000, 1);
        String token = MailServer.flowToken(MailServer.to(MAIL, "erin@example.com").get(0));
        flows.kit().engine().resume(token, RequestInfo.anonymous());
        scenario.answer(Map.of("token", token)).expectCompleted(user -> assertThat(user.active()).isTrue());
    }

    @Test
    void passwordChange_forTheSignedInUser() {
        String alice = flows.kit().users().add("alice", "first password").id();
        flows.kit().start(Journeys.PASSWORD_CHANGE, RequestInfo.anonymous().withAuthenticatedUser(alice))
                .expect("ak-stage-prompt")
                .answer(Map.of("password", "second password", "password_repeat", "second password"))
                .expectCompleted();
        assertThat(flows.kit().users().passwordMatches("alice", "second password")).isTrue();
        flows.start(Journeys.PASSWORD_CHANGE).expectDenied("Flow does not apply to current user.");
    }
}
