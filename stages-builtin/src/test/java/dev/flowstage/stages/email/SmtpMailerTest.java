package dev.flowstage.stages.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowstage.api.MailException;
import dev.flowstage.api.MailMessage;
import dev.flowstage.api.Secret;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sends through a real SMTP server (GreenMail on a free port). */
class SmtpMailerTest {
    private static final String PASSWORD = "pw-7f3a-very-secret";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@localhost", "mailer", PASSWORD));

    private static SmtpSettings settings() {
        return SmtpSettings.defaults().withServer("127.0.0.1", GREEN_MAIL.getSmtp().getPort())
                .withTimeout(Duration.ofSeconds(5));
    }

    private static final MailMessage MESSAGE = new MailMessage("alice@example.com", "Reset your password",
            "Hello alice, open https://login.example.com/x", "<p>Hello <b>alice</b></p>");

    @Test
    void send_textAndHtml_arrivesAsMultipartAlternative() throws Exception {
        Instant sent = Instant.parse("2026-03-04T05:06:07Z");
        new SmtpMailer(settings().withFrom("Flowstage <no-reply@example.com>"), Clock.fixed(sent, ZoneOffset.UTC))
                .send(MESSAGE);

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Reset your password");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Flowstage <no-reply@example.com>");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
        assertThat(mail.getSentDate()).isEqualTo(Date.from(sent));
        Mails.Body body = Mails.body(mail);
        assertThat(body.contentType()).startsWith("multipart/alternative");
        assertThat(body.text()).isEqualTo("Hello alice, open https://login.example.com/x");
        assertThat(body.html()).isEqualTo("<p>Hello <b>alice</b></p>");
    }

    @Test
    void send_withoutHtml_arrivesAsPlainText() {
        new SmtpMailer(settings()).send(new MailMessage("bob@example.com", "Hi", "Grüße, Bob", ""));

        Mails.Body body = Mails.body(GREEN_MAIL.getReceivedMessages()[0]);
        assertThat(body.contentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(body.text()).isEqualTo("Grüße, Bob");
        assertThat(body.html()).isNull();
    }

    @Test
    void send_subjectWithLineBreaks_cannotInjectHeaders() throws Exception {
        new SmtpMailer(settings()).send(new MailMessage("bob@example.com", "Hi\r\nBcc: eve@example.com", "text", ""));

        MimeMessage mail = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getSubject()).isEqualTo("Hi Bcc: eve@example.com");
    }

    @Test
    void send_withRightCredentials_authenticatesAndDelivers() {
        new SmtpMailer(settings().withCredentials("mailer", Secret.of(PASSWORD))).send(MESSAGE);

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void send_withWrongPassword_failsAsAuthenticationFailedWithoutThePassword() {
        String wrong = "wrong-" + PASSWORD;
        SmtpMailer mailer = new SmtpMailer(settings().withCredentials("mailer", Secret.of(wrong)));

        assertThatThrownBy(() -> mailer.send(MESSAGE))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("could not send mail via 127.0.0.1:"
                            + GREEN_MAIL.getSmtp().getPort() + ": authentication failed");
                    assertThat(messagesOf(e)).noneMatch(message -> message.contains(wrong) || message.contains(PASSWORD));
                });
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void send_toUnusedPort_failsAsConnectionRefused() {
        int port = Mails.unusedPort();
        SmtpMailer mailer = new SmtpMailer(SmtpSettings.defaults().withServer("127.0.0.1", port)
                .withCredentials("mailer", Secret.of(PASSWORD)));

        assertThatThrownBy(() -> mailer.send(MESSAGE))
                .isInstanceOf(MailException.class)
                .hasMessage("could not send mail via 127.0.0.1:" + port + ": connection refused")
                .satisfies(e -> assertThat(messagesOf(e)).noneMatch(message -> message.contains(PASSWORD)));
    }

    @Test
    void send_toServerThatNeverAnswers_failsAsTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SmtpMailer mailer = new SmtpMailer(SmtpSettings.defaults()
                    .withServer("127.0.0.1", silent.getLocalPort()).withTimeout(Duration.ofMillis(300)));

            assertThatThrownBy(() -> mailer.send(MESSAGE))
                    .isInstanceOf(MailException.class)
                    .hasMessage("could not send mail via 127.0.0.1:" + silent.getLocalPort() + ": timeout");
        }
    }

    @Test
    void send_requiringStartTlsFromAPlainServer_failsNamingStartTls() {
        SmtpMailer mailer = new SmtpMailer(settings().withTls(true));

        assertThatThrownBy(() -> mailer.send(MESSAGE))
                .isInstanceOf(MailException.class)
                .hasMessageEndingWith(GREEN_MAIL.getSmtp().getPort() + ": the server does not offer STARTTLS");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void send_implicitTlsToAPlainServer_failsAsTlsHandshake() {
        SmtpMailer mailer = new SmtpMailer(settings().withSsl(true).withTimeout(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> mailer.send(MESSAGE))
                .isInstanceOf(MailException.class)
                .hasMessageEndingWith(GREEN_MAIL.getSmtp().getPort() + ": TLS handshake failed");
    }

    @Test
    void send_invalidRecipient_failsBeforeContactingTheServer() {
        SmtpMailer mailer = new SmtpMailer(settings());

        assertThatThrownBy(() -> mailer.send(new MailMessage("alice@example.com, eve@example.com", "s", "t", "")))
                .isInstanceOf(MailException.class)
                .hasMessageEndingWith(": the recipient address is not valid");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void send_fromManyThreads_deliversEveryMessage() throws Exception {
        SmtpMailer mailer = new SmtpMailer(settings());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String to = "user" + i + "@example.com";
                sends.add(pool.submit(() -> mailer.send(new MailMessage(to, "s", "t", "<p>t</p>"))));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(12);
    }

    @Test
    void constructor_invalidSettings_listsEveryProblem() {
        SmtpSettings bad = new SmtpSettings(" ", 0, null, Secret.of(PASSWORD), true, true, Duration.ZERO, "not an address");

        assertThatThrownBy(() -> new SmtpMailer(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("host must not be blank", "port must be between 1 and 65535, got 0",
                        "timeout must be positive, got PT0S", "from 'not an address' is not a valid email address",
                        "use_tls and use_ssl are mutually exclusive", "password is set but username is not")
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void toString_ofSettingsAndMailer_neverShowsThePassword() {
        SmtpSettings withPassword = settings().withCredentials("mailer", Secret.of(PASSWORD));

        assertThat(withPassword.toString()).doesNotContain(PASSWORD).contains("password=[redacted]", "username=mailer");
        assertThat(new SmtpMailer(withPassword).toString()).doesNotContain(PASSWORD);
        assertThat(EmailConfig.defaults("https://login.example.com").withSmtp(withPassword).toString())
                .doesNotContain(PASSWORD);
    }

    private static List<String> messagesOf(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null && messages.size() < 20; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }
}
