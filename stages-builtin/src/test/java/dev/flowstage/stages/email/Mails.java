package dev.flowstage.stages.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads mails received by GreenMail (bodies via {@code getContent()}, which decodes them) and finds free ports. */
final class Mails {
    private static final Pattern LINK = Pattern.compile("(https?://\\S+?\\?flow_token=([A-Za-z0-9_\\-]+))");

    private Mails() {}

    /** The decoded bodies of one mail; {@code html} is null for a text-only mail. */
    record Body(String contentType, String text, String html) {
        /** Returns the first flow_token link in the text body. */
        String link() {
            Matcher matcher = LINK.matcher(text);
            assertThat(matcher.find()).as("a flow_token link in:%n%s", text).isTrue();
            return matcher.group(1);
        }

        /** Returns the raw token of the mailed link. */
        String token() {
            Matcher matcher = LINK.matcher(text);
            assertThat(matcher.find()).as("a flow_token link in:%n%s", text).isTrue();
            return matcher.group(2);
        }
    }

    /** Returns the decoded bodies of {@code message}. */
    static Body body(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return new Body(message.getContentType(), text, null);
            }
            MimeMultipart multipart = (MimeMultipart) content;
            String text = null;
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new Body(message.getContentType(), text, html);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a TCP port nothing listens on (free when this returns; tests use it right away). */
    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
