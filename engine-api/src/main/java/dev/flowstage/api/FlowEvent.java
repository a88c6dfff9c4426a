package dev.flowstage.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened in an execution, for audit trails and metrics. Events never carry
 * secrets: no passwords, tokens or codes, and identifiers only where the event needs them.
 */
public sealed interface FlowEvent {

    /** Returns when the event happened, from the engine's clock. */
    Instant at();

    /** Returns the execution the event belongs to. */
    ExecutionId executionId();

    /** Returns the slug of the flow. */
    String flowSlug();

    /** An execution started. */
    record ExecutionStarted(Instant at, ExecutionId executionId, String flowSlug, String flowVersion) implements FlowEvent {
        /** Validates the parts. */
        public ExecutionStarted {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
            Objects.requireNonNull(flowVersion);
        }
    }

    /** A stage accepted a response (or passed through) and the flow moved on. */
    record StageCompleted(Instant at, ExecutionId executionId, String flowSlug, String stageName) implements FlowEvent {
        /** Validates the parts. */
        public StageCompleted {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
            Objects.requireNonNull(stageName);
        }
    }

    /** A stage rejected a response; {@code fields} names the fields in error, not their values. */
    record ResponseRejected(Instant at, ExecutionId executionId, String flowSlug, String stageName, List<String> fields)
            implements FlowEvent {
        /** Validates and copies the parts. */
        public ResponseRejected {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
            Objects.requireNonNull(stageName);
            fields = List.copyOf(fields);
        }
    }

    /** A credential check failed for an existing user, or for an unknown identifier (userId empty). */
    record LoginFailed(Instant at, ExecutionId executionId, String flowSlug, String stageName, String userId)
            implements FlowEvent {
        /** Validates the parts. */
        public LoginFailed {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
            Objects.requireNonNull(stageName);
            Objects.requireNonNull(userId);
        }
    }

    /** A policy errored or timed out; its failure result was used instead. */
    record PolicyErrored(Instant at, ExecutionId executionId, String flowSlug, String policyName, String message)
            implements FlowEvent {
        /** Validates the parts. */
        public PolicyErrored {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
            Objects.requireNonNull(policyName);
            Objects.requireNonNull(message);
        }
    }

    /** The execution completed; {@code userId} is the logged-in user or empty string. */
    record ExecutionCompleted(Instant at, ExecutionId executionId, String flowSlug, String userId) implements FlowEvent {
        /** Validates the parts. */
        public ExecutionCompleted {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
            Objects.requireNonNull(userId);
        }
    }

    /** The execution was denied with {@code message}. */
    record ExecutionDenied(Instant at, ExecutionId executionId, String flowSlug, String message) implements FlowEvent {
        /** Validates the parts. */
        public ExecutionDenied {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
            Objects.requireNonNull(message);
        }
    }

    /** The execution was cancelled. */
    record ExecutionCancelled(Instant at, ExecutionId executionId, String flowSlug) implements FlowEvent {
        /** Validates the parts. */
        public ExecutionCancelled {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
        }
    }

    /** The execution restarted (invalid_response_action restart or restart_with_context). */
    record ExecutionRestarted(Instant at, ExecutionId executionId, String flowSlug, boolean keptContext)
            implements FlowEvent {
        /** Validates the parts. */
        public ExecutionRestarted {
            Objects.requireNonNull(at);
            Objects.requireNonNull(executionId);
            Objects.requireNonNull(flowSlug);
        }
    }
}
