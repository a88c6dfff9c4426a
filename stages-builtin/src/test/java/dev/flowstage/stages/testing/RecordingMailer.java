package dev.flowstage.stages.testing;

import dev.flowstage.api.MailException;
import dev.flowstage.api.MailMessage;
import dev.flowstage.spi.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link Mailer} that keeps what it is asked to send, or fails when told to. Thread-safe. */
public final class RecordingMailer implements Mailer {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private final List<MailMessage> sent = new ArrayList<>();
    private volatile boolean failing;

    @Override
    public synchronized void send(MailMessage message) {
        if (failing) {
            throw new MailException("connection refused", null);
        }
        sent.add(message);
    }

    /** Makes every later send fail (or succeed again). */
    public void failing(boolean value) {
        failing = value;
    }

    /** Returns the messages sent so far. */
    public synchronized List<MailMessage> sent() {
        return List.copyOf(sent);
    }

    /** Returns the six-digit code in the last message sent. */
    public synchronized String lastCode() {
        Matcher matcher = CODE.matcher(sent.get(sent.size() - 1).text());
        if (!matcher.find()) {
            throw new AssertionError("the last mail has no six-digit code");
        }
        return matcher.group(1);
    }
}
