package dev.flowstage.api;

import java.util.Objects;

/**
 * One mail to send. {@link #toString()} omits the bodies, which carry one-time links.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, or empty string for text only
 */
public record MailMessage(String to, String subject, String text, String html) {
    /** Validates the parts. */
    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** Returns a description without the bodies. */
    @Override
    public String toString() {
        return "MailMessage[to=" + to + ", subject=" + subject + "]";
    }
}
