package dev.flowstage.api;

import dev.flowstage.api.definition.FlowDefinition;
import java.util.Optional;
import java.util.Set;

/**
 * Runs flows: the host's entry point.
 *
 * <p>Built once (see {@code dev.flowstage.core.FlowEngines}) and shared; all methods are
 * thread-safe. Every call loads the execution from the execution store and writes it back with an
 * optimistic version check, so any node sharing the store can continue any execution, and two
 * concurrent submits to one execution never both advance it.
 *
 * <p>A user's mistakes (a wrong password, a missing field, a malformed body) are never
 * exceptions: they come back as a {@link FlowResult.Pending} whose challenge carries
 * {@code response_errors}, and the stored execution is unchanged apart from failed-attempt
 * counters. Exceptions are for the host's mistakes and for executions that cannot be found.
 */
public interface FlowEngine extends AutoCloseable {

    /**
     * Starts an execution of the flow {@code flowSlug} for {@code request}.
     *
     * @return the first challenge, or an immediate outcome (denied when the flow does not apply to
     *     the requester, completed when no stage applies)
     * @throws FlowNotFoundException when no flow has that slug
     */
    FlowResult start(String flowSlug, RequestInfo request);

    /**
     * Hands {@code response} to the current stage of execution {@code id} and moves the flow on.
     *
     * @throws ExecutionNotFoundException when the execution is unknown, expired or already finished
     * @throws ExecutionConflictException when another submit advanced the execution concurrently
     */
    FlowResult submit(ExecutionId id, ChallengeResponse response, RequestInfo request);

    /**
     * Decodes {@code jsonBody} with the wire protocol and submits it. A body that is not a JSON
     * object, is larger than the configured limit, or nests too deep yields the current challenge
     * with a {@code non_field_errors} entry, and changes nothing.
     *
     * @throws ExecutionNotFoundException when the execution is unknown, expired or already finished
     * @throws ExecutionConflictException when another submit advanced the execution concurrently
     */
    FlowResult submitJson(ExecutionId id, String jsonBody, RequestInfo request);

    /**
     * Returns the current state of execution {@code id} without changing it: the current challenge
     * of an active execution, or the outcome of a finished one (kept until it expires). A completed
     * execution comes back without its {@link Login} and context: the login is handed out once, by
     * the call that completed the flow, so that a leaked execution id cannot replay it.
     *
     * @throws ExecutionNotFoundException when the execution is unknown or expired
     */
    FlowResult current(ExecutionId id);

    /**
     * Returns the confirmation step for a link token (an email verification or recovery link),
     * without consuming it: a GET of a mailed link, which mail scanners also perform, changes
     * nothing. The result is the execution the token belongs to, showing an
     * {@code ak-stage-consent} challenge whose {@code token} field the client posts back to that
     * execution; only that POST consumes the token. Works on any device: the host binds its session
     * to the returned execution id. When the confirming POST consumes the token, the execution
     * continues under a NEW id ({@link FlowResult#executionId()} of that submit's result): the host
     * must bind the confirming client's session to it. The old id is cancelled, so whoever started
     * the execution elsewhere cannot continue what the link's owner unlocked.
     *
     * @throws TokenException when the token is unknown (or tampered with), expired, used, or its
     *     execution has moved on
     */
    FlowResult resume(String rawToken, RequestInfo request);

    /**
     * Cancels execution {@code id}; cancelling an unknown, expired or finished execution is a no-op
     * that still returns {@link FlowResult.Cancelled}. A submit racing with the cancel is retried
     * over; {@link ExecutionConflictException} only when the execution keeps changing.
     */
    FlowResult.Cancelled cancel(ExecutionId id);

    /**
     * Deletes executions and link tokens that have expired, and returns how many executions were
     * deleted. Expired ones are refused anyway; call this periodically to reclaim storage.
     */
    int purgeExpired();

    /** Returns {@code result}'s challenge as protocol JSON (snake_case, optional fields omitted). */
    String toJson(FlowResult result);

    /** Returns {@code challenge} as protocol JSON. */
    String toJson(Challenge challenge);

    /** Returns the slugs of the flows this engine serves. */
    Set<String> flowSlugs();

    /**
     * Compiles {@code definition} and makes it the current version of its slug. Executions that
     * already started stay on the version they started with.
     *
     * @throws FlowDefinitionException listing every problem (unknown stage or policy types, invalid
     *     configs, refused expressions); the previous version stays current
     */
    void deploy(FlowDefinition definition);

    /** Returns the current definition of the flow {@code slug}, if any. */
    Optional<FlowDefinition> definition(String slug);

    /**
     * Compiles {@code definition} exactly as {@link #deploy} would, without deploying it: a flow that
     * passes this check deploys. Blueprint imports check every changed flow before they change
     * anything.
     *
     * @throws FlowDefinitionException listing every problem
     * @throws UnsupportedOperationException when the implementation cannot check without deploying
     *     (the default)
     */
    default void check(FlowDefinition definition) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot check flows without deploying them");
    }

    /**
     * Stops serving the flow {@code slug}: {@link #start} no longer finds it, while executions that
     * already started finish on the version they are pinned to.
     *
     * @return whether a flow with that slug was deployed
     * @throws UnsupportedOperationException when the implementation cannot remove flows (the default)
     */
    default boolean undeploy(String slug) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot remove flows");
    }

    /** Releases the engine's threads; the engine must not be used afterwards. */
    @Override
    void close();
}
