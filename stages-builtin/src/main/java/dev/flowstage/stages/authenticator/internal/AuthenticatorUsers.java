package dev.flowstage.stages.authenticator.internal;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.User;
import dev.flowstage.spi.StageContext;
import dev.flowstage.stages.internal.StageSupport;
import dev.flowstage.stages.userwrite.UserWriteStage;
import java.util.List;
import java.util.Optional;

/** Decides whose devices an authenticator stage sets up or checks. */
public final class AuthenticatorUsers {
    private AuthenticatorUsers() {}

    /**
     * Returns the user a setup stage may add a device for, or empty to skip the stage: the pending
     * user when the requester is signed in as them, when this execution verified one of their
     * credentials, or when user_write created them in this execution
     * ({@link UserWriteStage#CREATED_USER}); otherwise, with no pending user, the signed-in
     * requester (stage_configuration flows). A pretend or inactive user gets nothing, so nobody
     * adds a device to an account they have not proven to own. An enrollment designation alone
     * proves nothing: an enrollment flow may identify an existing account.
     */
    public static Optional<User> forSetup(StageContext<?> ctx) {
        Optional<String> requester = ctx.request().authenticatedUser();
        Optional<PendingUser> pending = ctx.pendingUser();
        if (pending.isEmpty()) {
            return requester.flatMap(ctx.users()::findById).filter(User::active);
        }
        Optional<String> id = pending.get().existingId();
        boolean trusted = id.isPresent() && (id.equals(requester) || verifiedBefore(ctx)
                || id.equals(ctx.get(UserWriteStage.CREATED_USER)));
        return trusted ? id.flatMap(ctx.users()::findById).filter(User::active) : Optional.empty();
    }

    /**
     * Returns the user whose devices the validation stage checks: the pending user (empty for a
     * pretend user), or with no pending user the signed-in requester (step-up).
     */
    public static Optional<User> forValidation(StageContext<?> ctx) {
        if (ctx.pendingUser().isPresent()) {
            return ctx.pendingDirectoryUser();
        }
        return ctx.request().authenticatedUser().flatMap(ctx.users()::findById);
    }

    /** Returns whether the execution has a pending user that does not exist (identification's pretend user). */
    public static boolean pretendPending(StageContext<?> ctx) {
        return ctx.pendingUser().map(user -> !user.exists()).orElse(false);
    }

    /**
     * Returns a builder for {@code component} with {@code pending_user} (the pending user as
     * displayed, else {@code user}'s username) and {@code pending_user_avatar}.
     */
    public static Challenge.Builder withUserInfo(String component, StageContext<?> ctx, Optional<User> user) {
        String display = StageSupport.pendingUserForDisplay(ctx);
        if (display.isEmpty()) {
            display = user.map(User::username).orElse("");
        }
        return Challenge.builder(component).field("pending_user", display)
                .field("pending_user_avatar", StageSupport.DEFAULT_AVATAR);
    }

    private static boolean verifiedBefore(StageContext<?> ctx) {
        return !ctx.get(ContextKeys.VERIFIED_CREDENTIALS).orElse(List.of()).isEmpty();
    }
}
