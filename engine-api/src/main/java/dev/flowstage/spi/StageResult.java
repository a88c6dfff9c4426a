package dev.flowstage.spi;

import dev.flowstage.api.ResponseErrors;
import java.util.Objects;

/**
 * A stage's decision. Consume with an {@code instanceof} chain.
 * <ul>
 *   <li>{@link Show}: render the stage's challenge and wait for a response;</li>
 *   <li>{@link Invalid}: the response was rejected; show the challenge again with errors (or
 *       restart, as the binding's invalid_response_action says);</li>
 *   <li>{@link Proceed}: the stage is done; move to the next stage;</li>
 *   <li>{@link Deny}: stop the flow with a message safe to show the user.</li>
 * </ul>
 * Each carries the context update to apply first.
 */
public sealed interface StageResult permits StageResult.Show, StageResult.Invalid, StageResult.Proceed, StageResult.Deny {

    /** Returns the context changes to apply. */
    ContextUpdate update();

    /** Returns a decision to show the challenge. */
    static StageResult show() {
        return new Show(ContextUpdate.none());
    }

    /** Returns a decision to show the challenge after applying {@code update}. */
    static StageResult show(ContextUpdate update) {
        return new Show(update);
    }

    /** Returns a rejection with {@code errors}. */
    static StageResult invalid(ResponseErrors errors) {
        return new Invalid(errors, ContextUpdate.none());
    }

    /** Returns a rejection with {@code errors} after applying {@code update}. */
    static StageResult invalid(ResponseErrors errors, ContextUpdate update) {
        return new Invalid(errors, update);
    }

    /** Returns a decision to move on. */
    static StageResult proceed() {
        return new Proceed(ContextUpdate.none());
    }

    /** Returns a decision to move on after applying {@code update}. */
    static StageResult proceed(ContextUpdate update) {
        return new Proceed(update);
    }

    /** Returns a denial with {@code message}. */
    static StageResult deny(String message) {
        return new Deny(message, ContextUpdate.none());
    }

    /** Returns a denial with {@code message} after applying {@code update}. */
    static StageResult deny(String message, ContextUpdate update) {
        return new Deny(message, update);
    }

    /** Show the challenge. */
    record Show(ContextUpdate update) implements StageResult {
        /** Validates the parts. */
        public Show {
            Objects.requireNonNull(update, "update");
        }
    }

    /** Reject the response with {@code errors}; must not be empty. */
    record Invalid(ResponseErrors errors, ContextUpdate update) implements StageResult {
        /** Validates the parts. */
        public Invalid {
            Objects.requireNonNull(errors, "errors");
            Objects.requireNonNull(update, "update");
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }
    }

    /** Move on to the next stage. */
    record Proceed(ContextUpdate update) implements StageResult {
        /** Validates the parts. */
        public Proceed {
            Objects.requireNonNull(update, "update");
        }
    }

    /** Deny the execution with {@code message}. */
    record Deny(String message, ContextUpdate update) implements StageResult {
        /** Validates the parts. */
        public Deny {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(update, "update");
        }
    }
}
