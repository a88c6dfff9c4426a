package dev.flowstage.stages.authenticator.internal;

import dev.flowstage.api.MailException;
import dev.flowstage.api.MailMessage;
import dev.flowstage.api.Secret;
import dev.flowstage.spi.Mailer;
import dev.flowstage.spi.StageContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Six-digit codes mailed through the {@link Mailer} service. What the execution context keeps of a
 * sent code is a small map: {@code address}, a random {@code salt}, the SHA-256 {@code hash} of
 * salt and code, and {@code expires} (epoch seconds), never the code.
 *
 * <p>A million possible codes cannot be protected by hashing alone: anyone who reads the context
 * could try them all. The hash keeps the code out of logs and dumps of the execution store; what
 * protects the code is its short lifetime, the attempt limit of the stage, and that the execution
 * store is not readable by users.
 */
public final class EmailCodes {
    /** The data key (device data and code state) of the address. */
    public static final String ADDRESS = "email";
    private static final Logger LOG = LoggerFactory.getLogger(EmailCodes.class);

    private EmailCodes() {}

    /**
     * Mails a fresh code to {@code address} and returns the state to keep, or empty when the
     * mailer failed (logged without the code).
     *
     * @throws IllegalStateException when no {@link Mailer} service is registered
     */
    public static Optional<Map<String, Object>> send(StageContext<?> ctx, String address, String subject,
            Duration validity) {
        Mailer mailer = ctx.service(Mailer.class);
        String code = String.format(java.util.Locale.ROOT, "%06d", ctx.random().nextInt(1_000_000));
        try {
            mailer.send(new MailMessage(address, subject, text(code, validity), ""));
        } catch (MailException e) {
            LOG.warn("stage '{}' could not mail a code: {}", ctx.stageName(), e.getMessage());
            return Optional.empty();
        }
        byte[] salt = new byte[16];
        ctx.random().nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(ADDRESS, address);
        state.put("salt", saltHex);
        state.put("hash", CodeHashes.sha256(saltHex + ":" + code));
        state.put("expires", ctx.clock().instant().plus(validity).getEpochSecond());
        return Optional.of(state);
    }

    /** Returns whether {@code code} is the unexpired code of {@code state} at {@code now}. */
    public static boolean matches(Map<String, Object> state, Secret code, Instant now) {
        if (now.getEpochSecond() >= Devices.longValue(state, "expires", 0)) {
            return false;
        }
        String hash = CodeHashes.sha256(Devices.string(state, "salt") + ":" + code.reveal().trim());
        return CodeHashes.same(hash, Devices.string(state, "hash"));
    }

    /** Returns {@code address} masked for display: {@code a***@example.com}. */
    public static String mask(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Returns whether {@code address} looks like a mail address: one {@code @}, no spaces, at most 254 characters. */
    public static boolean plausible(String address) {
        int at = address.indexOf('@');
        return address.length() <= 254 && at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1
                && address.chars().noneMatch(Character::isWhitespace);
    }

    private static String text(String code, Duration validity) {
        return "Your verification code is " + code + ".\n\nIt expires in " + validity.toMinutes()
                + " minutes. If you did not ask for it, you can ignore this message.\n";
    }
}
