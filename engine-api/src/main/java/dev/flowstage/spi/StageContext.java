package dev.flowstage.spi;

import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import java.time.Clock;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * What a stage may see and use while it decides: its configuration, the execution's context and
 * request, and the engine's services. Valid only during the call it is passed to.
 *
 * @param <C> the stage's configuration type
 */
public interface StageContext<C> {

    /** Returns the stage's validated configuration. */
    C config();

    /** Returns the stage's name (its definition's unique name). */
    String stageName();

    /** Returns the execution's id. */
    ExecutionId executionId();

    /** Returns the flow's slug. */
    String flowSlug();

    /** Returns the flow's designation. */
    Designation designation();

    /** Returns the execution's context as it is before this stage's update. */
    FlowContext context();

    /** Returns the value of {@code key} in the context, if present. */
    default <T> Optional<T> get(ContextKey<T> key) {
        return context().get(key);
    }

    /** Returns the request being handled. */
    RequestInfo request();

    /** Returns the pending user from the context, if any (possibly a pretend user). */
    default Optional<PendingUser> pendingUser() {
        return context().get(dev.flowstage.api.ContextKeys.PENDING_USER);
    }

    /** Returns the pending user's directory entry, when the pending user exists. */
    default Optional<User> pendingDirectoryUser() {
        return pendingUser().flatMap(PendingUser::existingId).flatMap(users()::findById);
    }

    /** Returns the host's user directory. */
    UserDirectory users();

    /** Returns the engine's clock; stages never read time elsewhere. */
    Clock clock();

    /** Returns the engine's random source; stages never create their own. */
    SecureRandom random();

    /**
     * Returns the host-provided service of {@code type} registered on the engine builder.
     *
     * @throws IllegalStateException naming the type when none was registered
     */
    <S> S service(Class<S> type);

    /** Returns the service of {@code type}, if registered. */
    <S> Optional<S> findService(Class<S> type);

    /** Publishes {@code event} to the engine's listeners. */
    void publish(FlowEvent event);

    /**
     * Returns the writable user store.
     *
     * @throws IllegalStateException when the engine's user directory is read-only
     */
    UserStore userStore();

    /** Returns the link tokens of this execution and stage. */
    Tokens tokens();

    /** Returns the sandboxed expression evaluator. */
    Expressions expressions();

    /**
     * Evaluates {@code policies} for this execution with {@code context} in {@code mode}; an error
     * fails the check (never passes it).
     */
    PolicyCheck checkPolicies(
            java.util.List<dev.flowstage.api.definition.PolicyDefinition> policies,
            dev.flowstage.api.definition.PolicyEngineMode mode,
            FlowContext context);
}
