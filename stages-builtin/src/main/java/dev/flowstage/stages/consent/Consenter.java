package dev.flowstage.stages.consent;

import dev.flowstage.api.PendingUser;
import dev.flowstage.api.User;
import dev.flowstage.spi.StageContext;
import java.util.Optional;

/**
 * Who consents: the pending user, else the signed-in requester (authentik's {@code pending_user or
 * request.user}).
 *
 * @param userId the directory id, or null for identification's pretend user
 * @param username the username to display when the context has no pending user to display
 */
record Consenter(String userId, String username) {

    /** Returns the consenter of {@code ctx}'s execution; empty when there is neither a pending nor a signed-in user. */
    static Optional<Consenter> of(StageContext<?> ctx) {
        Optional<PendingUser> pending = ctx.pendingUser();
        if (pending.isPresent()) {
            return Optional.of(new Consenter(pending.get().id(), pending.get().username()));
        }
        return ctx.request().authenticatedUser()
                .map(id -> new Consenter(id, ctx.users().findById(id).map(User::username).orElse("")));
    }

    /** Returns whether this is a pretend user, whose consent is asked for but never remembered. */
    boolean pretend() {
        return userId == null;
    }
}
