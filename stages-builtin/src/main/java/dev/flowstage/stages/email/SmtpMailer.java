package dev.flowstage.stages.email;

import dev.flowstage.api.MailException;
import dev.flowstage.api.MailMessage;
import dev.flowstage.spi.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends mail over SMTP with Jakarta Mail (Eclipse Angus): a plain-text message, or
 * {@code multipart/alternative} with a text and an HTML part when the message has HTML.
 *
 * <p>Each {@link #send} opens its own connection (connect, optional STARTTLS or implicit TLS,
 * {@code AUTH} when a username is set, one message, {@code QUIT}) with the settings' timeout for
 * connecting, reading and writing, so a dead server costs at most about three timeouts. Thread-safe:
 * the instance holds only immutable settings and a Jakarta Mail {@link Session}, which is
 * thread-safe.
 *
 * <p>Every failure becomes a {@link MailException} whose message names {@code host:port} and the
 * kind of failure ("connection refused", "authentication failed", "timeout", "unknown host", "TLS
 * handshake failed", a rejected recipient with its SMTP reply code, ...); messages never contain
 * the password.
 */
public final class SmtpMailer implements Mailer {
    private final SmtpSettings settings;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;

    /**
     * Creates a mailer for {@code settings} that dates messages with the system clock.
     *
     * @throws IllegalArgumentException listing every problem of {@code settings}
     */
    public SmtpMailer(SmtpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * Creates a mailer for {@code settings} that dates messages with {@code clock}.
     *
     * @throws IllegalArgumentException listing every problem of {@code settings}
     */
    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this.settings = requireValid(Objects.requireNonNull(settings, "settings"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(properties(settings));
        this.from = parseFrom(settings.from());
    }

    /** Returns the settings this mailer sends with. */
    public SmtpSettings settings() {
        return settings;
    }

    /**
     * Sends {@code message} to its single recipient.
     *
     * @throws MailException naming {@code host:port} and the kind of failure when the message cannot be
     *     composed (an invalid recipient) or handed to the server
     */
    @Override
    public void send(MailMessage message) {
        Objects.requireNonNull(message, "message");
        MimeMessage mime = compose(message);
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.authenticates() ? settings.username() : null,
                    settings.password() == null ? null : settings.password().reveal());
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            throw SmtpFailure.of(settings, e);
        } finally {
            closeQuietly(transport);
        }
    }

    @Override
    public String toString() {
        return "SmtpMailer[" + settings + "]";
    }

    private MimeMessage compose(MailMessage message) {
        InternetAddress to;
        try {
            to = new InternetAddress(message.to(), true);
        } catch (AddressException e) {
            throw SmtpFailure.composing(settings, "the recipient address is not valid", e);
        }
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, to);
            mime.setSubject(message.subject().replaceAll("[\\r\\n]+", " "), StandardCharsets.UTF_8.name());
            mime.setSentDate(Date.from(clock.instant()));
            setBody(mime, message);
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw SmtpFailure.composing(settings, "the message could not be composed", e);
        }
    }

    private static void setBody(MimeMessage mime, MailMessage message) throws MessagingException {
        String charset = StandardCharsets.UTF_8.name();
        if (message.html().isEmpty()) {
            mime.setText(message.text(), charset);
            return;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), charset);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), charset, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message was handed over (or the failure is already being reported); QUIT failing changes nothing
        }
    }

    private static Properties properties(SmtpSettings settings) {
        String millis = String.valueOf(Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()));
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.auth", String.valueOf(settings.authenticates()));
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.useTls()));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(settings.useTls()));
        properties.setProperty("mail.smtp.ssl.enable", String.valueOf(settings.useSsl()));
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }

    private static SmtpSettings requireValid(SmtpSettings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.host() == null || settings.host().isBlank()) {
            problems.add("host must not be blank");
        }
        if (settings.port() < 1 || settings.port() > 65535) {
            problems.add("port must be between 1 and 65535, got " + settings.port());
        }
        if (settings.timeout() == null) {
            problems.add("timeout must not be null");
        }
        if (settings.from() == null || settings.from().isBlank()) {
            problems.add("from must not be blank");
        }
        problems.addAll(settings.semanticProblems(""));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid smtp settings for " + settings.server() + ": "
                    + String.join("; ", problems));
        }
        return settings;
    }

    private static InternetAddress parseFrom(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("smtp from '" + address + "' is not a valid email address", e);
        }
    }
}
