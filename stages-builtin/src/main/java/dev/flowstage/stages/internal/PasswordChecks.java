package dev.flowstage.stages.internal;

import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.StageContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies passwords so that the time taken does not tell whether the user exists: a missing user,
 * a user without a usable hash and a real user all cost one hash verification.
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

    /** Publishes a {@link FlowEvent.LoginFailed} for the current stage; {@code userId} is empty for unknown users. */
    public static void loginFailed(StageContext<?> ctx, String userId) {
        ctx.publish(new FlowEvent.LoginFailed(
                ctx.clock().instant(), ctx.executionId(), ctx.flowSlug(), ctx.stageName(), userId));
    }
}
