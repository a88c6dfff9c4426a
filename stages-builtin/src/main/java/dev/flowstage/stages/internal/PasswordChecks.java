package dev.flowstage.stages.internal;

import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.StageContext;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies passwords so that the time taken does not tell whether the user exists: a missing user,
 * a user without a usable hash, a real user and an attempt refused by the attempt limiter all cost
 * one hash verification.
 */
public final class PasswordChecks {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordChecks.class);

    private PasswordChecks() {}

    /**
     * Returns whether {@code password} is {@code user}'s password and the user may sign in (exists,
     * is active, has a hash and the password is not empty). Always runs exactly one verification,
     * spending the same time ({@link PasswordHasher#verifyNothing}) when there is nothing real to verify against.
     */
    public static boolean verify(StageContext<?> ctx, PasswordHasher hasher, Secret password, Optional<User> user) {
        String stored = user.map(User::passwordHash).filter(hasher::canVerify).orElse(null);
        if (stored == null && user.map(User::passwordHash).isPresent()) {
            LOG.warn("user {} has a password hash that the PasswordHasher service cannot verify", user.get().id());
        }
        if (stored == null) {
            return hasher.verifyNothing(password);
        }
        return hasher.verify(password, stored) && user.get().active() && !password.isEmpty();
    }

    /**
     * Returns how long the client must wait when {@code limits} are locked out, after spending one
     * {@link PasswordHasher#verifyNothing} so that a refused attempt takes as long as a checked one;
     * empty (and no hash spent) when the attempt may be checked.
     */
    public static Optional<Duration> throttled(PasswordHasher hasher, Secret password, AttemptLimits limits) {
        Optional<Duration> wait = limits.lockedFor();
        wait.ifPresent(ignored -> hasher.verifyNothing(password));
        return wait;
    }

    /** Returns {@link #verify(StageContext, PasswordHasher, Secret, Optional)}, recording the outcome in {@code limits}. */
    public static boolean verify(StageContext<?> ctx, PasswordHasher hasher, Secret password, Optional<User> user,
            AttemptLimits limits) {
        boolean verified = verify(ctx, hasher, password, user);
        limits.record(verified);
        return verified;
    }

    /** Publishes a {@link FlowEvent.LoginFailed} for the current stage; {@code userId} is empty for unknown users. */
    public static void loginFailed(StageContext<?> ctx, String userId) {
        ctx.publish(new FlowEvent.LoginFailed(
                ctx.clock().instant(), ctx.executionId(), ctx.flowSlug(), ctx.stageName(), userId));
    }
}
