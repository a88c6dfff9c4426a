package dev.flowstage.api.definition;

import java.time.Duration;
import java.util.Objects;

/**
 * Attaches a policy, a group or a user to a flow or a stage binding.
 *
 * <p>A group binding passes when the user is a member of the group, a user binding when the user
 * has that username. {@code negate} inverts the result. When the policy errors or exceeds
 * {@code timeout}, the binding's result is {@code failureResult} (default false: fail closed).
 * Disabled bindings are ignored completely. Immutable; the {@code with..} methods return copies.
 *
 * @param target what is bound
 * @param order evaluation order, ascending
 * @param enabled whether the binding counts at all
 * @param negate whether to invert the result
 * @param timeout how long the policy may run; positive
 * @param failureResult the result when the policy errors or times out
 */
public record PolicyBinding(Target target, int order, boolean enabled, boolean negate, Duration timeout, boolean failureResult) {

    /** The default policy timeout, as authentik's. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Validates the parts. */
    public PolicyBinding {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("policy binding timeout must be positive, got " + timeout);
        }
    }

    /** Returns an enabled binding of {@code policy} with order 0, no negation, the default timeout and failure result false. */
    public static PolicyBinding policy(PolicyDefinition policy) {
        return new PolicyBinding(new PolicyTarget(policy), 0, true, false, DEFAULT_TIMEOUT, false);
    }

    /** Returns a binding that passes for members of {@code group}. */
    public static PolicyBinding group(String group) {
        return new PolicyBinding(new GroupTarget(group), 0, true, false, DEFAULT_TIMEOUT, false);
    }

    /** Returns a binding that passes for the user named {@code username}. */
    public static PolicyBinding user(String username) {
        return new PolicyBinding(new UserTarget(username), 0, true, false, DEFAULT_TIMEOUT, false);
    }

    /** Returns this binding with {@code order}. */
    public PolicyBinding withOrder(int order) {
        return new PolicyBinding(target, order, enabled, negate, timeout, failureResult);
    }

    /** Returns this binding with its result inverted. */
    public PolicyBinding negated() {
        return new PolicyBinding(target, order, enabled, !negate, timeout, failureResult);
    }

    /** Returns this binding enabled or disabled. */
    public PolicyBinding withEnabled(boolean enabled) {
        return new PolicyBinding(target, order, enabled, negate, timeout, failureResult);
    }

    /** Returns this binding with {@code timeout}. */
    public PolicyBinding withTimeout(Duration timeout) {
        return new PolicyBinding(target, order, enabled, negate, timeout, failureResult);
    }

    /** Returns this binding with {@code failureResult} as its result when the policy errors or times out. */
    public PolicyBinding withFailureResult(boolean failureResult) {
        return new PolicyBinding(target, order, enabled, negate, timeout, failureResult);
    }

    /** What a policy binding attaches. */
    public sealed interface Target permits PolicyTarget, GroupTarget, UserTarget {}

    /** Binds a policy. */
    public record PolicyTarget(PolicyDefinition policy) implements Target {
        /** Validates the policy is present. */
        public PolicyTarget {
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** Binds membership of a group, by group name. */
    public record GroupTarget(String group) implements Target {
        /** Validates the group name. */
        public GroupTarget {
            Definitions.requireName(group, "group name");
        }
    }

    /** Binds one user, by username (compared case-insensitively). */
    public record UserTarget(String username) implements Target {
        /** Validates the username. */
        public UserTarget {
            Definitions.requireName(username, "username");
        }
    }
}
