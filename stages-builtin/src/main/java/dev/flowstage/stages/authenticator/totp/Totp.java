package dev.flowstage.stages.authenticator.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226): {@code code(key, step)} is the
 * HOTP value of the counter {@code step = floor(unix seconds / period)}, truncated to
 * {@code digits} decimal digits. Checked against the RFC 6238 Appendix B test vectors.
 *
 * <p>Immutable and thread-safe (a {@link Mac} is created per call).
 */
public final class Totp {
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private final TotpAlgorithm algorithm;
    private final int digits;
    private final int period;

    /**
     * Creates a generator.
     *
     * @param algorithm the HMAC
     * @param digits the code length, 6 to 8
     * @param periodSeconds the time step in seconds, at least 1
     * @throws IllegalArgumentException naming the bad value
     */
    public Totp(TotpAlgorithm algorithm, int digits, int periodSeconds) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP digits must be 6 to 8, got " + digits);
        }
        if (periodSeconds < 1) {
            throw new IllegalArgumentException("TOTP period must be at least 1 second, got " + periodSeconds);
        }
        this.digits = digits;
        this.period = periodSeconds;
    }

    /** Returns the time step that contains {@code instant}: {@code floor(epoch seconds / period)}. */
    public long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), period);
    }

    /** Returns the code of {@code key} at time step {@code step}, zero-padded to {@code digits}. */
    public String code(byte[] key, long step) {
        byte[] hash = hmac(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * Returns the time step within {@code tolerance} steps of {@code currentStep} whose code is
     * {@code code} and which is later than {@code afterStep}; empty when there is none. Every step
     * in the window is compared, in constant time, whatever matches.
     */
    public OptionalLong match(byte[] key, String code, long currentStep, int tolerance, long afterStep) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long found = Long.MIN_VALUE;
        for (long step = currentStep - tolerance; step <= currentStep + tolerance; step++) {
            boolean equal = MessageDigest.isEqual(given, code(key, step).getBytes(StandardCharsets.US_ASCII));
            if (equal && step > afterStep && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** Returns the code length. */
    public int digits() {
        return digits;
    }

    private byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key, "RAW"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.macName(), e);
        }
    }
}
