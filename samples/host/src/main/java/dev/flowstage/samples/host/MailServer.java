package dev.flowstage.samples.host;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.flowstage.stages.email.SmtpMailer;
import dev.flowstage.stages.email.SmtpSettings;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The demo's outgoing mail server: an embedded GreenMail SMTP server on 127.0.0.1 that keeps every
 * mail it receives, so that the outbox page can show them. Thread-safe.
 */
final class MailServer implements AutoCloseable {
    /** The sender of the demo's mails. */
    static final String FROM = "flowstage@example.com";

    /**
     * One received mail.
     *
     * @param to the recipients, comma-separated
     * @param from the sender
     * @param subject the subject
     * @param receivedAt when it was sent (its Date header), or null
     * @param text its plain-text body (or the HTML body when it has no text part)
     */
    record Mail(String to, String from, String subject, Instant receivedAt, String text) {
        Mail {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
        }
    }

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts an SMTP server on 127.0.0.1:{@code port} (0: any free port). */
    static MailServer start(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        greenMail.start();
        return new MailServer(greenMail);
    }

    /** Returns the SMTP port. */
    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Returns a mailer that sends through this server. */
    SmtpMailer mailer() {
        return new SmtpMailer(SmtpSettings.defaults().withServer("127.0.0.1", port()).withFrom(FROM));
    }

    /** Returns every mail received, newest first. */
    List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            mails.add(read(message));
        }
        java.util.Collections.reverse(mails);
        return mails;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static Mail read(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return new Mail(addresses(message.getAllRecipients()), addresses(message.getFrom()),
                    Objects.requireNonNullElse(message.getSubject(), ""), sent == null ? null : sent.toInstant(),
                    text(message));
        } catch (MessagingException | IOException e) {
            return new Mail("", "", "(unreadable mail)", null, e.getClass().getSimpleName());
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** Returns the text/plain part, else the first part's text; {@code getContent()} decodes quoted-printable. */
    private static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (!(content instanceof Multipart multipart)) {
            return "";
        }
        String fallback = "";
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (fallback.isEmpty() && part.getContent() instanceof String html) {
                fallback = html.replaceAll("<[^>]*>", " ");
            }
        }
        return fallback;
    }
}
