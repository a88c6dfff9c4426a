package dev.flowstage.spi;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import java.util.List;
import java.util.Set;

/**
 * A stage type: one step of a flow, such as identification or password. Implement this interface
 * and register the instance on the engine builder; that is all a custom stage needs.
 *
 * <p>A stage is <b>stateless</b> and must be thread-safe: everything it learns goes into the
 * execution's context through the {@link ContextUpdate} of its {@link StageResult}. It decides;
 * the engine moves the flow. The lifecycle of one binding of the stage is:
 * <ol>
 *   <li>{@link #arrive} when the stage comes up: show the challenge, or proceed/deny at once
 *       (non-interactive stages such as user_login);</li>
 *   <li>{@link #challenge} whenever the challenge must be rendered (after arrival, after an invalid
 *       response, when the client fetches the current challenge);</li>
 *   <li>{@link #submit} with each response: proceed, deny, or invalid with errors.</li>
 * </ol>
 * A stage never throws for a user's mistake; an exception escaping a stage fails closed (the
 * execution is denied with a generic message and the exception is logged).
 *
 * @param <C> the configuration type, usually a record with Bean Validation constraints
 */
public interface Stage<C> {

    /** Returns the stable, namespaced type id persisted in definitions, such as {@code builtin.password}. */
    String typeId();

    /** Returns the configuration class; a stage definition's config must be an instance of it. */
    Class<C> configType();

    /** Returns a one-line description for tooling (blueprint references, inspectors). */
    default String description() {
        return typeId();
    }

    /**
     * Returns extra problems of {@code config} beyond its Bean Validation constraints, each a
     * sentence naming the field; empty when the config is fine. Called once when a flow compiles.
     */
    default List<String> validate(C config) {
        return List.of();
    }

    /**
     * Returns the problems of {@code config}, including its expressions and policies checked with
     * {@code validation}; by default the problems of {@link #validate(Object)}. Called once when a
     * flow compiles.
     */
    default List<String> validate(C config, StageValidation validation) {
        return validate(config);
    }

    /**
     * Returns the typed context keys this stage writes with record or non-JSON-native value types,
     * so that persisted executions read them back with the right types.
     */
    default Set<ContextKey<?>> contextKeys() {
        return Set.of();
    }

    /** Decides what happens when the stage comes up; by default, shows the challenge. */
    default StageResult arrive(StageContext<C> ctx) {
        return StageResult.show();
    }

    /**
     * Returns the challenge to show, without flow info or errors (the engine adds those). Stages that
     * never show a challenge keep the default, which throws {@link IllegalStateException}.
     */
    default Challenge challenge(StageContext<C> ctx) {
        throw new IllegalStateException("stage type " + typeId() + " shows no challenge");
    }

    /** Decides on a response to the challenge; by default, proceeds. */
    default StageResult submit(StageContext<C> ctx, ChallengeResponse response) {
        return StageResult.proceed();
    }
}
