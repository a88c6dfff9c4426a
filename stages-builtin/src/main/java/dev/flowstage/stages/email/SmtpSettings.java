package dev.flowstage.stages.email;

import dev.flowstage.api.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach an SMTP server (authentik's email settings: host, port, credentials, TLS, timeout,
 * sender).
 *
 * <p>Immutable and thread-safe. The constructor does not reject bad values: Bean Validation and
 * {@link EmailStage#validate} report them when a flow compiles, and {@link SmtpMailer}'s
 * constructor when it is built directly. {@link #toString()} never prints the password.
 *
 * @param host the server's host name or address
 * @param port the server's port, 1 to 65535
 * @param username the user to authenticate as, or null to send without authentication
 * @param password the password of {@code username}, or null
 * @param useTls whether to upgrade the connection with STARTTLS (required, not opportunistic)
 * @param useSsl whether to connect with implicit TLS (SMTPS, usually port 465); exclusive with {@code useTls}
 * @param timeout the connect, read and write timeout, positive
 * @param from the sender address, such as {@code system@flowstage.local} or {@code Flowstage <no-reply@example.com>}
 */
public record SmtpSettings(
        @NotBlank String host,
        @Min(1) @Max(65535) int port,
        String username,
        Secret password,
        boolean useTls,
        boolean useSsl,
        @NotNull Duration timeout,
        @NotBlank String from) {

    /** Returns authentik's defaults: localhost:25, no authentication, no TLS, 10 s timeout, from {@code system@flowstage.local}. */
    public static SmtpSettings defaults() {
        return new SmtpSettings("localhost", 25, null, null, false, false, Duration.ofSeconds(10), "system@flowstage.local");
    }

    /** Returns these settings with server {@code host} and {@code port}. */
    public SmtpSettings withServer(String host, int port) {
        return new SmtpSettings(host, port, username, password, useTls, useSsl, timeout, from);
    }

    /** Returns these settings authenticating as {@code username} with {@code password} (both null: no authentication). */
    public SmtpSettings withCredentials(String username, Secret password) {
        return new SmtpSettings(host, port, username, password, useTls, useSsl, timeout, from);
    }

    /** Returns these settings with STARTTLS set to {@code value}. */
    public SmtpSettings withTls(boolean value) {
        return new SmtpSettings(host, port, username, password, value, useSsl, timeout, from);
    }

    /** Returns these settings with implicit TLS (SMTPS) set to {@code value}. */
    public SmtpSettings withSsl(boolean value) {
        return new SmtpSettings(host, port, username, password, useTls, value, timeout, from);
    }

    /** Returns these settings with {@code value} as the connect, read and write timeout. */
    public SmtpSettings withTimeout(Duration value) {
        return new SmtpSettings(host, port, username, password, useTls, useSsl, value, from);
    }

    /** Returns these settings sending from {@code address}. */
    public SmtpSettings withFrom(String address) {
        return new SmtpSettings(host, port, username, password, useTls, useSsl, timeout, address);
    }

    /** Returns whether a username is set, so that the mailer authenticates. */
    public boolean authenticates() {
        return username != null && !username.isEmpty();
    }

    /** Returns {@code host:port}, as failure messages name the server. */
    public String server() {
        return host + ":" + port;
    }

    /**
     * Returns the problems Bean Validation cannot see, each naming the field with {@code prefix}:
     * a non-positive timeout, an unparsable sender, STARTTLS together with SMTPS, a password without
     * a username.
     */
    List<String> semanticProblems(String prefix) {
        List<String> problems = new ArrayList<>();
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            problems.add(prefix + "timeout must be positive, got " + timeout);
        }
        if (from != null && !from.isBlank() && !isAddress(from)) {
            problems.add(prefix + "from '" + from + "' is not a valid email address");
        }
        if (useTls && useSsl) {
            problems.add(prefix + "use_tls and " + prefix + "use_ssl are mutually exclusive (STARTTLS or implicit TLS)");
        }
        if (password != null && !authenticates()) {
            problems.add(prefix + "password is set but " + prefix + "username is not");
        }
        return problems;
    }

    private static boolean isAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** Returns a description without the password. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "none" : "[redacted]") + ", useTls=" + useTls
                + ", useSsl=" + useSsl + ", timeout=" + timeout + ", from=" + from + "]";
    }
}
