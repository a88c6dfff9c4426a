package dev.flowstage.stages.prompt;

import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.policy.BuiltinPolicyTypes;
import dev.flowstage.policy.CompiledBinding;
import dev.flowstage.policy.PolicyDecision;
import dev.flowstage.policy.PolicyEngine;
import dev.flowstage.policy.SandboxedExpression;
import dev.flowstage.spi.Expressions;
import dev.flowstage.spi.PolicyCheck;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyType;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.spi.StageValidation;
import dev.flowstage.spi.Tokens;
import dev.flowstage.spi.UserDirectory;
import dev.flowstage.spi.UserStore;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.InMemoryUsers;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * A stage context for prompt tests with the real sandboxed expressions and the real policy engine
 * over the built-in policy types, as the engine wires them. Not thread-safe; {@link #apply} carries
 * a result's update over, as the engine would.
 */
final class PromptContext implements StageContext<PromptConfig> {
    static final Map<String, PolicyType<?>> POLICY_TYPES = policyTypes();
    private static final PolicyEngine ENGINE = new PolicyEngine(ForkJoinPool.commonPool(), error -> { });

    private final PromptConfig config;
    private final InMemoryUsers users = new InMemoryUsers();
    private final SecureRandom random = Fixtures.seededRandom(11);
    private final List<FlowContext> policyContexts = new ArrayList<>();
    private final Map<String, SandboxedExpression> compiled = new HashMap<>();
    private FlowContext context = FlowContext.empty();
    private RequestInfo request = RequestInfo.anonymous();

    private PromptContext(PromptConfig config) {
        this.config = config;
    }

    static PromptContext of(PromptConfig config) {
        return new PromptContext(config);
    }

    static PromptContext of(PromptField... fields) {
        return of(PromptConfig.of(fields));
    }

    PromptContext withUser(User user) {
        users.add(user);
        return this;
    }

    /** Adds {@code user} to the directory and makes it the pending user. */
    PromptContext pending(User user) {
        return withUser(user).with(ContextKeys.PENDING_USER, PendingUser.of(user));
    }

    <T> PromptContext with(ContextKey<T> key, T value) {
        context = context.with(key, value);
        return this;
    }

    PromptContext withPromptData(Map<String, ?> data) {
        return with(ContextKeys.PROMPT_DATA, new HashMap<>(data));
    }

    PromptContext withRequest(RequestInfo info) {
        this.request = info;
        return this;
    }

    StageResult apply(StageResult result) {
        context = result.update().applyTo(context);
        return result;
    }

    /** Returns the contexts the validation policies were evaluated with, in order. */
    List<FlowContext> policyContexts() {
        return policyContexts;
    }

    Map<String, Object> promptData() {
        return context.get(ContextKeys.PROMPT_DATA).orElse(Map.of());
    }

    /** Returns a validation that compiles expressions and policies as the engine does. */
    static StageValidation validation() {
        return new StageValidation() {
            @Override
            public List<String> checkExpression(String source) {
                try {
                    SandboxedExpression.compile(source, Expressions.variables());
                    return List.of();
                } catch (IllegalArgumentException e) {
                    return List.of("expression: " + e.getMessage());
                }
            }

            @Override
            public List<String> checkPolicy(PolicyDefinition policy) {
                try {
                    CompiledBinding.compile(PolicyBinding.policy(policy), POLICY_TYPES);
                    return List.of();
                } catch (IllegalArgumentException e) {
                    return List.of(e.getMessage());
                }
            }
        };
    }

    @Override public PromptConfig config() { return config; }
    @Override public String stageName() { return "prompt"; }
    @Override public ExecutionId executionId() { return ExecutionId.of("exec-0000000000000002"); }
    @Override public String flowSlug() { return "enroll"; }
    @Override public Designation designation() { return Designation.ENROLLMENT; }
    @Override public FlowContext context() { return context; }
    @Override public RequestInfo request() { return request; }
    @Override public UserDirectory users() { return users; }
    @Override public Clock clock() { return Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC); }
    @Override public SecureRandom random() { return random; }
    @Override public void publish(FlowEvent event) { }
    @Override public <S> Optional<S> findService(Class<S> type) { return Optional.empty(); }

    @Override
    public <S> S service(Class<S> type) {
        throw new IllegalStateException("no service " + type.getName());
    }

    @Override
    public UserStore userStore() {
        throw new IllegalStateException("the prompt stage never writes users");
    }

    @Override
    public Tokens tokens() {
        throw new IllegalStateException("the prompt stage issues no tokens");
    }

    @Override
    public Expressions expressions() {
        return (source, variables) -> compiled
                .computeIfAbsent(source, text -> SandboxedExpression.compile(text, Expressions.variables()))
                .evaluate(variables);
    }

    @Override
    public PolicyCheck checkPolicies(List<PolicyDefinition> policies, PolicyEngineMode mode, FlowContext checked) {
        policyContexts.add(checked);
        List<CompiledBinding> bindings = policies.stream()
                .map(policy -> CompiledBinding.compile(PolicyBinding.policy(policy), POLICY_TYPES)).toList();
        User user = checked.get(ContextKeys.PENDING_USER).flatMap(PendingUser::existingId).flatMap(users::findById)
                .orElse(null);
        PolicyDecision decision = ENGINE.evaluate(bindings, mode, new PolicyRequest(user, request, checked));
        return new PolicyCheck(decision.passing() && !decision.errored(), decision.messages());
    }

    private static Map<String, PolicyType<?>> policyTypes() {
        Map<String, PolicyType<?>> types = new HashMap<>();
        BuiltinPolicyTypes.all().forEach(type -> types.put(type.typeId(), type));
        return Map.copyOf(types);
    }
}
