package dev.flowstage.policy;

import java.util.Objects;

/**
 * Reports that a policy errored, threw or timed out, so that the binding's failure result was
 * used instead of its verdict.
 *
 * @param policyName the policy's name
 * @param message what went wrong, without secrets or user input
 */
public record PolicyError(String policyName, String message) {
    /** Validates the parts. */
    public PolicyError {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(message, "message");
    }
}
