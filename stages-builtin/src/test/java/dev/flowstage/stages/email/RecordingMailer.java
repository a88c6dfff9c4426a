package dev.flowstage.stages.email;

import dev.flowstage.api.MailException;
import dev.flowstage.api.MailMessage;
import dev.flowstage.spi.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mailer that keeps what it is given, or fails while {@link #failing} is set. Thread-safe. */
final class RecordingMailer implements Mailer {
    private final List<MailMessage> sent = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    /** Makes every send throw {@code error} until {@link #working()} is called. */
    RecordingMailer failing(RuntimeException error) {
        this.failure = error;
        return this;
    }

    /** Makes sends succeed again. */
    RecordingMailer working() {
        this.failure = null;
        return this;
    }

    /** Returns the messages sent so far, oldest first. */
    List<MailMessage> sent() {
        return sent;
    }

    /** Returns the last message sent. */
    MailMessage last() {
        return sent.get(sent.size() - 1);
    }

    @Override
    public void send(MailMessage message) {
        RuntimeException error = failure;
        if (error != null) {
            throw error;
        }
        sent.add(message);
    }

    /** Returns a failure like the SMTP mailer's for a server that is down. */
    static MailException serverDown() {
        return new MailException("could not send mail via mail.example.com:25: connection refused", null);
    }
}
