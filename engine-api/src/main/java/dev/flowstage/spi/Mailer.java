package dev.flowstage.spi;

import dev.flowstage.api.MailException;
import dev.flowstage.api.MailMessage;

/** Sends mail (an SMTP implementation ships with the email stage). Thread-safe. */
public interface Mailer {

    /**
     * Sends {@code message}.
     *
     * @throws MailException when the message could not be handed to the mail server; the message
     *     says why without credentials
     */
    void send(MailMessage message);
}
