package dev.flowstage.policy;

import java.util.List;
import java.util.Objects;

/**
 * The combined result of a set of policy bindings.
 *
 * @param passing whether the bindings grant, per the engine mode
 * @param messages the messages of every binding evaluated, in evaluation order (errors are not
 *     included: they go to the engine's error listener)
 * @param errors the policies that errored, threw or timed out while deciding (their bindings
 *     counted as their failure result)
 */
public record PolicyDecision(boolean passing, List<String> messages, List<PolicyError> errors) {
    /** Copies the messages and errors. */
    public PolicyDecision {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    /** Returns a decision without errors. */
    public PolicyDecision(boolean passing, List<String> messages) {
        this(passing, messages, List.of());
    }

    /**
     * Returns whether any policy errored. Callers that gate a stage on this decision must not treat
     * an errored, non-passing decision as "skip the stage": that would let an error lift a check.
     */
    public boolean errored() {
        return !errors.isEmpty();
    }
}
