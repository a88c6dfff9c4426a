package dev.flowstage.stages.internal;

import dev.flowstage.api.ErrorDetail;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.StageContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attempt's view of the host's {@link AttemptLimiter}, when one is registered: its identifier
 * key and, when the client address is known, its address key, at the engine clock's instant.
 * Without a limiter every method is a no-op and nothing is ever locked.
 */
public final class AttemptLimits {
    /** The error code of an attempt refused because its keys are locked out. */
    public static final String THROTTLED = "throttled";

    private final Optional<AttemptLimiter> limiter;
    private final String identifierKey;
    private final List<String> keys;
    private final Instant now;

    private AttemptLimits(Optional<AttemptLimiter> limiter, String identifierKey, List<String> keys, Instant now) {
        this.limiter = limiter;
        this.identifierKey = identifierKey;
        this.keys = keys;
        this.now = now;
    }

    /** Returns the limits of a {@code factor} attempt for {@code identifier} from the request's client. */
    public static AttemptLimits of(StageContext<?> ctx, String factor, String identifier) {
        String identifierKey = AttemptLimiter.identifierKey(factor, identifier);
        List<String> keys = new ArrayList<>(List.of(identifierKey));
        if (!ctx.request().clientIp().isBlank()) {
            keys.add(AttemptLimiter.clientKey(factor, ctx.request().clientIp()));
        }
        return new AttemptLimits(ctx.findService(AttemptLimiter.class), identifierKey, List.copyOf(keys),
                ctx.clock().instant());
    }

    /** Returns the longest wait any of the keys must sit out, or empty when the attempt may be verified. */
    public Optional<Duration> lockedFor() {
        Duration longest = Duration.ZERO;
        for (String key : limiter.isPresent() ? keys : List.<String>of()) {
            if (limiter.get().check(key, now) instanceof AttemptLimiter.Decision.Locked locked
                    && locked.retryAfter().compareTo(longest) > 0) {
                longest = locked.retryAfter();
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /**
     * Records the attempt's outcome: a failure for every key, or a success for the identifier key
     * only (a success must not clear the address's count, or an attacker could reset it by signing
     * in to an account of their own between guesses).
     */
    public void record(boolean succeeded) {
        if (limiter.isEmpty()) {
            return;
        }
        if (succeeded) {
            limiter.get().recordSuccess(identifierKey);
        } else {
            keys.forEach(key -> limiter.get().recordFailure(key, now));
        }
    }

    /**
     * Returns the error for a locked attempt, code {@value #THROTTLED}: "Too many failed attempts.
     * Please try again in N seconds." with N rounded up ("1 second." for one).
     */
    public static ErrorDetail throttled(Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        return new ErrorDetail("Too many failed attempts. Please try again in " + seconds
                + (seconds == 1 ? " second." : " seconds."), THROTTLED);
    }
}
