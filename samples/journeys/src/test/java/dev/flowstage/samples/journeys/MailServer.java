package dev.flowstage.samples.journeys;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowstage.stages.email.SmtpMailer;
import dev.flowstage.stages.email.SmtpSettings;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) for the journeys, and helpers to read what it received. */
final class MailServer {
    private static final Pattern FLOW_TOKEN = Pattern.compile("flow_token=([A-Za-z0-9_-]+)");

    private MailServer() {}

    static GreenMailExtension extension() {
        ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
        return new GreenMailExtension(smtp);
    }

    static SmtpMailer mailer(GreenMailExtension mail) {
        return new SmtpMailer(SmtpSettings.defaults().withServer("127.0.0.1", mail.getSmtp().getPort())
                .withFrom("flowstage@example.com"));
    }

    /** Returns the mails received for {@code address}. */
    static List<MimeMessage> to(GreenMailExtension mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> recipients(message).contains(address)).toList();
    }

    /** Returns the flow token of the link in {@code message}'s plain-text part. */
    static String flowToken(MimeMessage message) {
        Matcher matcher = FLOW_TOKEN.matcher(plainText(message));
        if (!matcher.find()) {
            throw new AssertionError("no flow_token link in the mail:\n" + plainText(message));
        }
        return matcher.group(1);
    }

    static String plainText(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            Multipart multipart = (Multipart) content;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("the mail has no text/plain part");
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError("cannot read the mail", e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError("cannot read recipients", e);
        }
    }
}
