package dev.flowstage.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an execution stands after {@link FlowEngine#start}, {@link FlowEngine#submit} or
 * {@link FlowEngine#cancel}: waiting for a response, completed, denied or cancelled.
 *
 * <p>Every result carries the challenge a protocol client should be shown: the stage's challenge,
 * a {@code xak-flow-redirect} on completion, an {@code ak-stage-access-denied} on denial.
 * Consume with an {@code instanceof} chain.
 */
public sealed interface FlowResult permits FlowResult.Pending, FlowResult.Completed, FlowResult.Denied, FlowResult.Cancelled {

    /** Returns the execution this result belongs to. */
    ExecutionId executionId();

    /** Returns the challenge to render for this result; never null. */
    Challenge challenge();

    /** Returns whether the execution has ended (completed, denied or cancelled). */
    default boolean isFinished() {
        return !(this instanceof Pending);
    }

    /**
     * The execution waits for a response to {@code challenge}.
     *
     * @param executionId the execution
     * @param challenge the current stage's challenge, with flow info and any response errors
     */
    record Pending(ExecutionId executionId, Challenge challenge) implements FlowResult {
        /** Validates the parts. */
        public Pending {
            Objects.requireNonNull(executionId, "executionId");
            Objects.requireNonNull(challenge, "challenge");
        }
    }

    /**
     * The flow ran to its end.
     *
     * @param executionId the execution
     * @param login the session to create, when a user_login stage ran; empty otherwise
     * @param logout whether the host should end the requester's session (a user_logout stage ran)
     * @param redirect where to send the client: the context's {@code redirect}, the query's
     *     {@code next}, or {@code /}; always relative or allow-listed
     * @param context the final context
     */
    record Completed(ExecutionId executionId, Optional<Login> login, boolean logout, String redirect, FlowContext context)
            implements FlowResult {
        /** Validates the parts. */
        public Completed {
            Objects.requireNonNull(executionId, "executionId");
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(redirect, "redirect");
            Objects.requireNonNull(context, "context");
        }

        /** Returns a {@code xak-flow-redirect} to {@link #redirect()}. */
        @Override
        public Challenge challenge() {
            return Challenge.builder("xak-flow-redirect").field("to", redirect).build();
        }
    }

    /**
     * The flow refused to continue.
     *
     * @param executionId the execution
     * @param message why, safe to show to the user
     * @param challenge the {@code ak-stage-access-denied} challenge carrying the message
     */
    record Denied(ExecutionId executionId, String message, Challenge challenge) implements FlowResult {
        /** Validates the parts. */
        public Denied {
            Objects.requireNonNull(executionId, "executionId");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(challenge, "challenge");
        }
    }

    /**
     * The execution was cancelled by the client or the host.
     *
     * @param executionId the execution
     * @param redirect where to send the client
     */
    record Cancelled(ExecutionId executionId, String redirect) implements FlowResult {
        /** Validates the parts. */
        public Cancelled {
            Objects.requireNonNull(executionId, "executionId");
            Objects.requireNonNull(redirect, "redirect");
        }

        /** Returns a {@code xak-flow-redirect} to {@link #redirect()}. */
        @Override
        public Challenge challenge() {
            return Challenge.builder("xak-flow-redirect").field("to", redirect).build();
        }
    }
}
