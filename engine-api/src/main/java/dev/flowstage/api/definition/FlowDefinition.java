package dev.flowstage.api.definition;

import dev.flowstage.api.FlowDefinitionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A flow: an ordered list of stage bindings plus the flow's own settings and policy bindings.
 *
 * <p>Defaults are authentik's: {@code authentication=none}, {@code deniedAction=message_continue},
 * {@code policyEngineMode=any}, {@code layout=stacked}. The constructor checks the whole
 * definition and throws {@link FlowDefinitionException} listing every problem: a slug that is not
 * {@code [a-z0-9_-]}, two bindings with the same order, two different stages with the same name, a
 * binding with neither {@code evaluateOnPlan} nor {@code reEvaluatePolicies}, two different
 * policies with the same name. Stage bindings are kept sorted by order.
 *
 * @param slug the flow's unique slug, used in URLs
 * @param name the flow's name (defaults to the slug)
 * @param title the title shown above its challenges
 * @param designation what the flow is for
 * @param authentication who may start it
 * @param deniedAction what happens when it does not apply to the requester
 * @param policyEngineMode how its own policy bindings combine
 * @param layout the UI layout
 * @param background a background image URL, or empty string
 * @param policies the flow's own policy bindings: does the flow apply to this requester?
 * @param bindings the stage bindings, sorted by order
 */
public record FlowDefinition(
        String slug,
        String name,
        String title,
        Designation designation,
        AuthenticationRequirement authentication,
        DeniedAction deniedAction,
        PolicyEngineMode policyEngineMode,
        FlowLayout layout,
        String background,
        List<PolicyBinding> policies,
        List<StageBinding> bindings) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]+");

    /** Validates the whole definition; see the class comment for the rules. */
    public FlowDefinition {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(designation, "designation");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(deniedAction, "deniedAction");
        Objects.requireNonNull(policyEngineMode, "policyEngineMode");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(background, "background");
        policies = List.copyOf(Objects.requireNonNull(policies, "policies"));
        List<StageBinding> sorted = new ArrayList<>(Objects.requireNonNull(bindings, "bindings"));
        sorted.sort(Comparator.comparingInt(StageBinding::order));
        bindings = List.copyOf(sorted);
        List<String> problems = problems(slug, policies, bindings);
        if (!problems.isEmpty()) {
            throw new FlowDefinitionException(problems);
        }
    }

    /** Returns a builder for a flow with {@code slug}; not thread-safe. */
    public static Builder builder(String slug) {
        return new Builder(slug);
    }

    /** Returns every stage definition used by this flow, once each, in binding order. */
    public List<StageDefinition> stages() {
        Map<String, StageDefinition> byName = new java.util.LinkedHashMap<>();
        bindings.forEach(binding -> byName.putIfAbsent(binding.stage().name(), binding.stage()));
        return List.copyOf(byName.values());
    }

    private static List<String> problems(String slug, List<PolicyBinding> policies, List<StageBinding> bindings) {
        List<String> problems = new ArrayList<>();
        if (!SLUG.matcher(slug).matches()) {
            problems.add("flow slug '" + slug + "' must consist of lower-case letters, digits, '-' and '_'");
        }
        String flow = "flow '" + slug + "'";
        Set<Integer> orders = new HashSet<>();
        Map<String, StageDefinition> stages = new HashMap<>();
        Map<String, PolicyDefinition> policyDefs = new HashMap<>();
        checkPolicies(flow, policies, policyDefs, problems);
        for (StageBinding binding : bindings) {
            String where = "stage binding '" + binding.stage().name() + "' in " + flow;
            if (!orders.add(binding.order())) {
                problems.add(where + ": order " + binding.order() + " is used twice");
            }
            StageDefinition previous = stages.putIfAbsent(binding.stage().name(), binding.stage());
            if (previous != null && !previous.equals(binding.stage())) {
                problems.add(where + ": two different stages are named '" + binding.stage().name() + "'");
            }
            if (!binding.evaluateOnPlan() && !binding.reEvaluatePolicies()) {
                problems.add(where + ": either evaluate_on_plan or re_evaluate_policies must be enabled");
            }
            checkPolicies(where, binding.policies(), policyDefs, problems);
        }
        return problems;
    }

    private static void checkPolicies(
            String where, List<PolicyBinding> bindings, Map<String, PolicyDefinition> seen, List<String> problems) {
        for (PolicyBinding binding : bindings) {
            if (binding.target() instanceof PolicyBinding.PolicyTarget target) {
                PolicyDefinition policy = target.policy();
                PolicyDefinition previous = seen.putIfAbsent(policy.name(), policy);
                if (previous != null && !previous.equals(policy)) {
                    problems.add(where + ": two different policies are named '" + policy.name() + "'");
                }
            }
        }
    }

    /** Builds a {@link FlowDefinition}; not thread-safe. {@link #build()} reports every problem at once. */
    public static final class Builder {
        private final String slug;
        private String name;
        private String title = "";
        private Designation designation = Designation.AUTHENTICATION;
        private AuthenticationRequirement authentication = AuthenticationRequirement.NONE;
        private DeniedAction deniedAction = DeniedAction.MESSAGE_CONTINUE;
        private PolicyEngineMode policyEngineMode = PolicyEngineMode.ANY;
        private FlowLayout layout = FlowLayout.STACKED;
        private String background = "";
        private final List<PolicyBinding> policies = new ArrayList<>();
        private final List<StageBinding> bindings = new ArrayList<>();

        private Builder(String slug) {
            this.slug = Objects.requireNonNull(slug, "slug");
        }

        /** Sets the flow's name (default: the slug). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets the title shown above the challenges (default empty). */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** Sets the designation (default authentication). */
        public Builder designation(Designation designation) {
            this.designation = Objects.requireNonNull(designation, "designation");
            return this;
        }

        /** Sets who may start the flow (default none: anyone). */
        public Builder authentication(AuthenticationRequirement authentication) {
            this.authentication = Objects.requireNonNull(authentication, "authentication");
            return this;
        }

        /** Sets what happens when the flow does not apply (default message_continue). */
        public Builder deniedAction(DeniedAction deniedAction) {
            this.deniedAction = Objects.requireNonNull(deniedAction, "deniedAction");
            return this;
        }

        /** Sets how the flow's own policies combine (default any). */
        public Builder policyEngineMode(PolicyEngineMode mode) {
            this.policyEngineMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Sets the UI layout (default stacked). */
        public Builder layout(FlowLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /** Sets the background image URL (default none). */
        public Builder background(String background) {
            this.background = Objects.requireNonNull(background, "background");
            return this;
        }

        /** Adds a policy binding to the flow itself. */
        public Builder policy(PolicyBinding binding) {
            policies.add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /** Binds {@code stage} at {@code order} with default binding settings. */
        public Builder stage(int order, StageDefinition stage) {
            bindings.add(StageBinding.of(order, stage));
            return this;
        }

        /** Binds {@code stage} at {@code order}, letting {@code settings} adjust the binding. */
        public Builder stage(int order, StageDefinition stage, Consumer<StageBinding.Builder> settings) {
            StageBinding.Builder builder = StageBinding.builder(order, stage);
            settings.accept(builder);
            bindings.add(builder.build());
            return this;
        }

        /** Adds a fully built stage binding. */
        public Builder binding(StageBinding binding) {
            bindings.add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /**
         * Returns the flow.
         *
         * @throws FlowDefinitionException listing every problem of the definition
         */
        public FlowDefinition build() {
            return new FlowDefinition(
                    slug,
                    name == null ? slug : name,
                    title,
                    designation,
                    authentication,
                    deniedAction,
                    policyEngineMode,
                    layout,
                    background,
                    policies,
                    bindings);
        }
    }
}
