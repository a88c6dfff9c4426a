package dev.flowstage.stages.email;

import dev.flowstage.api.MailException;
import jakarta.mail.AuthenticationFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Turns Jakarta Mail failures into {@link MailException}s whose message names the server and the
 * kind of failure. Messages are built from the failure's type and SMTP reply code only, never from
 * server text or settings other than host and port, so they cannot carry credentials.
 */
final class SmtpFailure {
    private static final int MAX_CHAIN = 16;
    private static final int AUTHENTICATION_REQUIRED = 530;

    private SmtpFailure() {}

    /** Returns the exception to throw for {@code cause} while sending through {@code settings}. */
    static MailException of(SmtpSettings settings, Exception cause) {
        return new MailException("could not send mail via " + settings.server() + ": " + kind(chain(cause)), cause);
    }

    /** Returns the exception for a message that could not be composed (for example a bad recipient). */
    static MailException composing(SmtpSettings settings, String what, Exception cause) {
        return new MailException("could not send mail via " + settings.server() + ": " + what, cause);
    }

    private static String kind(List<Throwable> chain) {
        for (Throwable t : chain) {
            String kind = transportKind(t);
            if (kind != null) {
                return kind;
            }
        }
        for (Throwable t : chain) {
            String kind = replyKind(t);
            if (kind != null) {
                return kind;
            }
        }
        boolean starttls = chain.stream().anyMatch(t -> t.getMessage() != null
                && t.getMessage().toUpperCase(Locale.ROOT).contains("STARTTLS"));
        return starttls ? "the server does not offer STARTTLS" : "SMTP error (" + chain.get(0).getClass().getSimpleName() + ")";
    }

    private static String transportKind(Throwable t) {
        if (t instanceof AuthenticationFailedException) {
            return "authentication failed";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host";
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return "connection refused";
        }
        if (t instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (t instanceof SSLException) {
            return "TLS handshake failed";
        }
        return null;
    }

    private static String replyKind(Throwable t) {
        if (t instanceof SMTPSenderFailedException sender) {
            return reply("the server rejected the sender", sender.getReturnCode());
        }
        if (t instanceof SMTPAddressFailedException address) {
            return reply("the server rejected the recipient", address.getReturnCode());
        }
        if (t instanceof SMTPSendFailedException send) {
            return reply("the server refused the message", send.getReturnCode());
        }
        return null;
    }

    private static String reply(String what, int code) {
        return code == AUTHENTICATION_REQUIRED
                ? "authentication required (reply " + code + ")"
                : what + " (reply " + code + ")";
    }

    /** Returns {@code root} and its causes (Jakarta Mail links nested exceptions as causes). */
    private static List<Throwable> chain(Throwable root) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = root; t != null && chain.size() < MAX_CHAIN && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
