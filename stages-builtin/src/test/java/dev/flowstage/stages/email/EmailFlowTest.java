package dev.flowstage.stages.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.TokenException;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.spi.Mailer;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.dummy.DummyStage;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import dev.flowstage.stages.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The email stage in a real engine, mailing through a real SMTP server (GreenMail): the link's
 * token resumes the execution on a confirmation and a POST consumes it.
 */
class EmailFlowTest {
    private static final String BASE = "http://127.0.0.1:9000";
    private static final RequestInfo ANONYMOUS = RequestInfo.anonymous();
    private static final ChallengeResponse RESEND = ChallengeResponse.of(Map.of("component", "ak-stage-email"));
    private static final ResponseErrors EMAIL_SENT = ResponseErrors.nonField("email-sent", "email-sent");
    private static final User ALICE = User.of("u-alice", "alice", "alice@example.com");
    private static final User CAROL = new User("u-carol", "carol", "carol@example.com", "Carol", false, false,
            Set.of(), null, Map.of());

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserDirectory users = new InMemoryUserDirectory().put(ALICE).put(CAROL);
    private FlowEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static SmtpSettings smtp(int port) {
        return SmtpSettings.defaults().withServer("127.0.0.1", port).withTimeout(Duration.ofSeconds(5));
    }

    private static SmtpSettings greenMail() {
        return smtp(GREEN_MAIL.getSmtp().getPort());
    }

    /** Builds an engine serving "verify": identification, the email stage with {@code config}, a dummy stage. */
    private FlowEngine engine(Designation designation, EmailConfig config, Mailer globalMailer) {
        FlowDefinition flow = FlowDefinition.builder("verify").designation(designation)
                .stage(10, IdentificationStage.definition("identify", IdentificationConfig.defaults()))
                .stage(20, EmailStage.definition("verify-email", config))
                .stage(30, DummyStage.definition("after", DummyConfig.defaults()))
                .build();
        engine = FlowEngines.builder().clock(clock).users(users).stages(BuiltinStages.all()).stage(new EmailStage())
                .service(Mailer.class, globalMailer).flow(flow).build();
        return engine;
    }

    private FlowEngine engine(EmailConfig config) {
        return engine(Designation.ENROLLMENT, config, new SmtpMailer(greenMail(), clock));
    }

    private FlowResult identify(String uid) {
        ExecutionId id = engine.start("verify", ANONYMOUS).executionId();
        return engine.submit(id, ChallengeResponse.of(Map.of("uid_field", uid)), ANONYMOUS);
    }

    private FlowResult post(FlowResult at, ChallengeResponse response) {
        return engine.submit(at.executionId(), response, ANONYMOUS);
    }

    private static FlowResult postToken(FlowEngine engine, FlowResult at, String token) {
        return engine.submit(at.executionId(), ChallengeResponse.of(Map.of("token", token)), ANONYMOUS);
    }

    private static Mails.Body lastMail(MimeMessage[] received) {
        assertThat(received).isNotEmpty();
        return Mails.body(received[received.length - 1]);
    }

    private static void assertEmailChallenge(FlowResult result, ResponseErrors errors) {
        assertThat(result).isInstanceOf(FlowResult.Pending.class);
        assertThat(result.challenge().component()).isEqualTo("ak-stage-email");
        assertThat(result.challenge().fields()).isEmpty();
        assertThat(result.challenge().responseErrors()).isEqualTo(errors);
    }

    private static ResponseErrors invalid(String message) {
        return ResponseErrors.of(ResponseErrors.NON_FIELD_ERRORS, ErrorDetail.invalid(message));
    }

    @Test
    void link_resumeShowsConfirmation_postConsumes_proceedsAndActivatesTheUser() throws Exception {
        engine(Designation.ENROLLMENT, EmailConfig.defaults(BASE).withSmtp(greenMail())
                .withTemplate(EmailTemplate.ACCOUNT_CONFIRMATION).withActivateUserOnSuccess(true), (message) -> {
                    throw new AssertionError("the stage's own SMTP settings are used");
                });
        FlowResult waiting = identify("carol");
        assertEmailChallenge(waiting, ResponseErrors.none());

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("carol@example.com");
        Mails.Body mail = Mails.body(received[0]);
        assertThat(mail.link()).startsWith(BASE + "/if/flow/verify/?flow_token=");
        assertThat(mail.text()).contains("Hello Carol,", "confirm your email address", "(in 30 minutes)");
        assertThat(mail.html()).contains("href=\"" + mail.link() + "\"");

        FlowResult confirm = engine.resume(mail.token(), ANONYMOUS);
        assertThat(confirm.executionId()).isEqualTo(waiting.executionId());
        assertThat(confirm.challenge().component()).isEqualTo("ak-stage-consent");
        assertThat(confirm.challenge().field("token")).isEqualTo(mail.token());
        assertThat(confirm.challenge().field("header_text")).isEqualTo("Continue to confirm this email address.");
        assertThat(engine.resume(mail.token(), ANONYMOUS)).isEqualTo(confirm);
        assertThat(users.findById("u-carol").orElseThrow().active()).isFalse();

        FlowResult next = postToken(engine, confirm, mail.token());
        assertThat(next.challenge().component()).isEqualTo("ak-stage-dummy");
        assertThat(users.findById("u-carol").orElseThrow().active()).isTrue();
        FlowResult done = post(next, ChallengeResponse.empty());
        assertThat(done).isInstanceOfSatisfying(FlowResult.Completed.class, completed -> {
            assertThat(completed.context().get(EmailStage.EMAIL_VERIFIED)).contains(true);
            assertThat(completed.context().get(dev.flowstage.api.ContextKeys.VERIFIED_CREDENTIALS))
                    .contains(List.of("verify-email"));
        });
    }

    @Test
    void link_usedTwice_secondResumeSaysAlreadyUsed() {
        engine(EmailConfig.defaults(BASE));
        FlowResult waiting = identify("alice");
        String token = lastMail(GREEN_MAIL.getReceivedMessages()).token();
        postToken(engine, waiting, token);

        assertThatThrownBy(() -> engine.resume(token, ANONYMOUS))
                .isInstanceOf(TokenException.class)
                .hasMessage("This link was already used. Please request a new one.");
    }

    @Test
    void link_tampered_isRejectedAndTheRealLinkStillWorks() {
        engine(EmailConfig.defaults(BASE));
        FlowResult waiting = identify("alice");
        String token = lastMail(GREEN_MAIL.getReceivedMessages()).token();
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertThatThrownBy(() -> engine.resume(tampered, ANONYMOUS))
                .isInstanceOf(TokenException.class).hasMessage("This link is not valid. Please request a new one.");
        assertEmailChallenge(postToken(engine, waiting, tampered), invalid("This link is not valid. Please request a new one."));
        assertThat(postToken(engine, waiting, token).challenge().component()).isEqualTo("ak-stage-dummy");
    }

    @Test
    void link_expired_isRejectedAndAResentLinkWorks() {
        engine(EmailConfig.defaults(BASE).withTokenExpiry(Duration.ofMinutes(10)));
        FlowResult waiting = identify("alice");
        String token = lastMail(GREEN_MAIL.getReceivedMessages()).token();
        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> engine.resume(token, ANONYMOUS))
                .isInstanceOf(TokenException.class).hasMessage("This link has expired. Please request a new one.");
        assertEmailChallenge(postToken(engine, waiting, token), invalid("This link has expired. Please request a new one."));

        assertEmailChallenge(post(waiting, RESEND), EMAIL_SENT);
        String fresh = lastMail(GREEN_MAIL.getReceivedMessages()).token();
        assertThat(fresh).isNotEqualTo(token);
        assertThat(engine.resume(fresh, ANONYMOUS).challenge().component()).isEqualTo("ak-stage-consent");
        assertThat(postToken(engine, waiting, fresh).challenge().component()).isEqualTo("ak-stage-dummy");
    }

    @Test
    void resend_isLimitedPerExecutionAndWindow() {
        engine(EmailConfig.defaults(BASE));
        FlowResult waiting = identify("alice");
        for (int i = 0; i < 5; i++) {
            assertEmailChallenge(post(waiting, RESEND), EMAIL_SENT);
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(6);

        assertEmailChallenge(post(waiting, RESEND),
                invalid("Too many account verification attempts. Please try again after 5 minutes."));
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(6);

        clock.advance(Duration.ofMinutes(5));
        assertEmailChallenge(post(waiting, RESEND), EMAIL_SENT);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(7);
    }

    @Test
    void recoveryFlow_unknownUser_getsTheSameChallengesAsAKnownUserButNoMail() {
        engine(Designation.RECOVERY, EmailConfig.defaults(BASE), new SmtpMailer(greenMail(), clock));

        FlowResult known = identify("alice");
        FlowResult unknown = identify("nobody@example.com");

        assertThat(unknown.challenge()).isEqualTo(known.challenge());
        assertThat(engine.toJson(unknown)).isEqualTo(engine.toJson(known));
        assertThat(engine.toJson(post(unknown, RESEND))).isEqualTo(engine.toJson(post(known, RESEND)));
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2)
                .allSatisfy(mail -> assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alice@example.com"));
        assertThat(engine.toJson(postToken(engine, unknown, "guess")))
                .isEqualTo(engine.toJson(postToken(engine, known, "guess")));
    }

    @Test
    void smtpDownOnArrival_showsEmailFailed_andAResendAfterTheServerIsUpSucceeds() {
        int port = Mails.unusedPort();
        engine(Designation.ENROLLMENT, EmailConfig.defaults(BASE), new SmtpMailer(smtp(port), clock));

        FlowResult waiting = identify("alice");

        assertEmailChallenge(waiting,
                ResponseErrors.nonField("The email could not be sent. Please try again later.", "email-failed"));
        assertThat(engine.toJson(waiting)).doesNotContain("Exception", "at dev.", "127.0.0.1");
        assertEmailChallenge(engine.current(waiting.executionId()), ResponseErrors.none());
        GreenMail late = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        late.start();
        try {
            assertEmailChallenge(post(waiting, RESEND), EMAIL_SENT);
            String token = lastMail(late.getReceivedMessages()).token();
            assertThat(postToken(engine, waiting, token).challenge().component()).isEqualTo("ak-stage-dummy");
        } finally {
            late.stop();
        }
    }

    @Test
    void emailChallenge_onTheWire_isTheBareComponentWithFlowInfo() throws IOException {
        engine(EmailConfig.defaults(BASE));
        FlowResult arrived = identify("alice");
        FlowResult resent = post(arrived, RESEND);
        FlowResult consent = engine.resume(lastMail(GREEN_MAIL.getReceivedMessages()).token(), ANONYMOUS);
        writeTranscript(List.of(engine.toJson(arrived), engine.toJson(resent), engine.toJson(consent)));

        String json = engine.toJson(resent);

        assertThat(json).contains("\"component\":\"ak-stage-email\"", "\"flow_info\":{\"title\":",
                "\"cancel_url\":\"/flows/-/cancel/\"",
                "\"response_errors\":{\"non_field_errors\":[{\"string\":\"email-sent\",\"code\":\"email-sent\"}]}");
    }

    /** Writes whole wire challenges (with flow_info) for the shared ajv checker, as the conformance test does. */
    private static void writeTranscript(List<String> challenges) throws IOException {
        String folder = System.getProperty("flowstage.transcripts");
        if (folder != null && !folder.isBlank()) {
            Path file = Path.of(folder).resolve("stages-builtin-email-wire.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "[" + String.join(",\n", challenges) + "]", StandardCharsets.UTF_8);
        }
    }
}
