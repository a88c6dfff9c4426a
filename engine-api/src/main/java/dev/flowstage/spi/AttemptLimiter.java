package dev.flowstage.spi;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Slows down guessing across executions: counts failed attempts per key and answers whether a key
 * is locked out for now. Register one with {@code FlowEngineBuilder.service(AttemptLimiter.class,
 * limiter)}; the password stage, the identification stage's inline password and the authenticator
 * validation stage then consult it. Without one, only their per-execution limits apply.
 *
 * <p><b>Keys.</b> The built-in stages count every attempt under two separate keys, made with
 * {@link #identifierKey} (what the client typed, normalized, so that an unknown identifier is
 * counted exactly like a known one) and {@link #clientKey} (the client's address; none when the
 * address is unknown). A key names the factor: {@value #PASSWORD} or {@value #MFA}. An
 * implementation may treat keys alike or apply different limits by prefix.
 *
 * <p><b>Protocol.</b> A stage calls {@link #check} for each key before verifying; when any key is
 * locked it rejects the attempt without verifying the secret and records nothing. Otherwise it
 * verifies, then calls {@link #recordFailure} for every key, or {@link #recordSuccess} for the
 * identifier key only (a success must not clear an address's count: an attacker could sign in to
 * an account of their own between guesses).
 *
 * <p>Implementations must be thread-safe, must read time only from the {@code now} they are given,
 * and must never block or sleep. They must not throw for an unknown key; an exception escaping
 * them fails the stage closed (the execution is denied).
 */
public interface AttemptLimiter {
    /** The factor name of password attempts (password stage, identification's inline password). */
    String PASSWORD = "password";
    /** The factor name of second-factor attempts (authenticator validation). */
    String MFA = "mfa";

    /**
     * Returns whether an attempt for {@code key} may be verified at {@code now}, or how long it
     * must wait. Does not count anything.
     *
     * @throws NullPointerException when an argument is null
     */
    Decision check(String key, Instant now);

    /**
     * Counts a failed attempt for {@code key} at {@code now}, possibly starting a lockout.
     *
     * @throws NullPointerException when an argument is null
     */
    void recordFailure(String key, Instant now);

    /**
     * Forgets the failed attempts of {@code key} after a successful attempt.
     *
     * @throws NullPointerException when {@code key} is null
     */
    void recordSuccess(String key);

    /**
     * Returns the key counting {@code factor} attempts for {@code identifier}:
     * {@code <factor>:id:<identifier>} with the identifier NFKC-normalized, stripped and lower-cased
     * ({@link Locale#ROOT}), so that {@code " Alice "} and {@code "alice"} share a count.
     *
     * @throws NullPointerException when an argument is null
     */
    static String identifierKey(String factor, String identifier) {
        Objects.requireNonNull(factor, "factor");
        String normalized = Normalizer.normalize(Objects.requireNonNull(identifier, "identifier"), Normalizer.Form.NFKC)
                .strip().toLowerCase(Locale.ROOT);
        return factor + ":id:" + normalized;
    }

    /**
     * Returns the key counting {@code factor} attempts from the client address {@code clientIp}:
     * {@code <factor>:ip:<clientIp>} (stripped and lower-cased, for IPv6).
     *
     * @throws NullPointerException when an argument is null
     */
    static String clientKey(String factor, String clientIp) {
        Objects.requireNonNull(factor, "factor");
        return factor + ":ip:" + Objects.requireNonNull(clientIp, "clientIp").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The answer of {@link #check}: {@link Allowed} or {@link Locked}. Consume it with an
     * {@code instanceof} chain, or with {@link #allowed()}.
     */
    sealed interface Decision permits Decision.Allowed, Decision.Locked {

        /** Returns the decision that the attempt may be verified. */
        static Decision allow() {
            return Allowed.INSTANCE;
        }

        /**
         * Returns the decision that the attempt must wait {@code retryAfter}.
         *
         * @throws IllegalArgumentException when {@code retryAfter} is zero or negative
         * @throws NullPointerException when {@code retryAfter} is null
         */
        static Decision lockedFor(Duration retryAfter) {
            return new Locked(retryAfter);
        }

        /** Returns whether the attempt may be verified now. */
        default boolean allowed() {
            return this instanceof Allowed;
        }

        /** The attempt may be verified. */
        record Allowed() implements Decision {
            private static final Allowed INSTANCE = new Allowed();
        }

        /**
         * The key is locked out: try again after {@code retryAfter}.
         *
         * @param retryAfter how long until the lockout ends, positive
         */
        record Locked(Duration retryAfter) implements Decision {
            /** Validates {@code retryAfter}. */
            public Locked {
                Objects.requireNonNull(retryAfter, "retryAfter");
                if (retryAfter.isZero() || retryAfter.isNegative()) {
                    throw new IllegalArgumentException("retryAfter must be positive, got " + retryAfter);
                }
            }
        }
    }
}
