package dev.flowstage.api.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Binds a stage into a flow at an order, with the policies that decide whether it runs.
 *
 * <p>Defaults are authentik's: {@code evaluateOnPlan=false}, {@code reEvaluatePolicies=true},
 * {@code invalidResponseAction=retry}, {@code policyEngineMode=any}. With {@code evaluateOnPlan}
 * the policies are checked when the execution starts and a failing binding is left out of the
 * plan; with {@code reEvaluatePolicies} they are checked when the stage comes up, and a failing
 * binding is skipped. At least one of the two must be set.
 *
 * @param order position in the flow, ascending; unique within a flow
 * @param stage the bound stage
 * @param evaluateOnPlan check the policies when the execution starts
 * @param reEvaluatePolicies check the policies when the stage comes up
 * @param invalidResponseAction what an invalid response does
 * @param policyEngineMode how the policies combine
 * @param policies the policy bindings, evaluated in their order
 */
public record StageBinding(
        int order,
        StageDefinition stage,
        boolean evaluateOnPlan,
        boolean reEvaluatePolicies,
        InvalidResponseAction invalidResponseAction,
        PolicyEngineMode policyEngineMode,
        List<PolicyBinding> policies) {

    /** Validates the parts and copies the policies. */
    public StageBinding {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(invalidResponseAction, "invalidResponseAction");
        Objects.requireNonNull(policyEngineMode, "policyEngineMode");
        policies = List.copyOf(Objects.requireNonNull(policies, "policies"));
    }

    /** Returns a builder for a binding of {@code stage} at {@code order}, with authentik's defaults. */
    public static Builder builder(int order, StageDefinition stage) {
        return new Builder(order, stage);
    }

    /** Returns a binding of {@code stage} at {@code order} with authentik's defaults and no policies. */
    public static StageBinding of(int order, StageDefinition stage) {
        return builder(order, stage).build();
    }

    /** Builds a {@link StageBinding}; not thread-safe. */
    public static final class Builder {
        private final int order;
        private final StageDefinition stage;
        private boolean evaluateOnPlan;
        private boolean reEvaluatePolicies = true;
        private InvalidResponseAction invalidResponseAction = InvalidResponseAction.RETRY;
        private PolicyEngineMode policyEngineMode = PolicyEngineMode.ANY;
        private final List<PolicyBinding> policies = new ArrayList<>();

        private Builder(int order, StageDefinition stage) {
            this.order = order;
            this.stage = Objects.requireNonNull(stage, "stage");
        }

        /** Sets whether the policies are checked when the execution starts (default false). */
        public Builder evaluateOnPlan(boolean value) {
            this.evaluateOnPlan = value;
            return this;
        }

        /** Sets whether the policies are checked when the stage comes up (default true). */
        public Builder reEvaluate(boolean value) {
            this.reEvaluatePolicies = value;
            return this;
        }

        /** Sets what an invalid response does (default retry). */
        public Builder invalidResponseAction(InvalidResponseAction action) {
            this.invalidResponseAction = Objects.requireNonNull(action, "action");
            return this;
        }

        /** Sets how the policies combine (default any). */
        public Builder policyEngineMode(PolicyEngineMode mode) {
            this.policyEngineMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Adds a policy binding. */
        public Builder policy(PolicyBinding binding) {
            policies.add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /** Adds a binding of {@code policy} with the next free order and default settings. */
        public Builder policy(PolicyDefinition policy) {
            return policy(PolicyBinding.policy(policy).withOrder(policies.size()));
        }

        /** Returns the binding. */
        public StageBinding build() {
            return new StageBinding(
                    order, stage, evaluateOnPlan, reEvaluatePolicies, invalidResponseAction, policyEngineMode, policies);
        }
    }
}
