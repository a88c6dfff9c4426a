package dev.flowstage.testkit;

import dev.flowstage.api.MailMessage;
import dev.flowstage.spi.Mailer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Mailer} that keeps every message in memory, for tests that do not need a real SMTP
 * server (use GreenMail for those). Thread-safe.
 */
public final class TestMailbox implements Mailer {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private final List<MailMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public void send(MailMessage message) {
        messages.add(message);
    }

    /** Returns every message sent so far, in order. */
    public List<MailMessage> messages() {
        return List.copyOf(messages);
    }

    /** Returns the last message sent to {@code address}, if any. */
    public Optional<MailMessage> lastTo(String address) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).to().equalsIgnoreCase(address)) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }

    /** Returns the first http(s) link in the plain-text body of {@code message}, if any. */
    public static Optional<String> firstLink(MailMessage message) {
        Matcher matcher = LINK.matcher(message.text());
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
