package dev.flowstage.benchmarks;

import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.policy.CompiledBinding;
import dev.flowstage.policy.ExpressionPolicyType;
import dev.flowstage.policy.PolicyDecision;
import dev.flowstage.policy.PolicyEngine;
import dev.flowstage.policy.SandboxedExpression;
import dev.flowstage.spi.PolicyRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One policy decision through {@link PolicyEngine}: a single binding of a compiled MVEL
 * expression policy ({@value #EXPRESSION}), a single group binding as the baseline without
 * expression evaluation, and the sandboxed expression alone (data views and MVEL, no engine).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyBenchmark {
    static final String EXPRESSION = "user.username == 'alice' && request.query.next != null";

    private ExecutorService executor;
    private PolicyEngine engine;
    private List<CompiledBinding> expressionBinding;
    private List<CompiledBinding> groupBinding;
    private PolicyRequest request;
    private SandboxedExpression expression;
    private Map<String, Object> variables;

    /** Compiles the bindings once and checks that both pass for alice. */
    @Setup(Level.Trial)
    public void setUp() {
        executor = Executors.newSingleThreadExecutor(); // never used: expression policies run inline
        engine = new PolicyEngine(executor, error -> { });
        PolicyBinding binding = PolicyBinding.policy(PolicyDefinition.expression("alice-with-next", EXPRESSION));
        expressionBinding = List.of(CompiledBinding.compile(binding,
                Map.of(PolicyDefinition.EXPRESSION, new ExpressionPolicyType())));
        groupBinding = List.of(CompiledBinding.of(PolicyBinding.group("admins"), null));
        User alice = Fixtures.alice(Fixtures.cheapHasher());
        RequestInfo info = RequestInfo.anonymous().withQuery(Map.of("next", "/if/user/"));
        request = new PolicyRequest(alice, info, FlowContext.empty());
        expression = SandboxedExpression.compile(EXPRESSION, ExpressionPolicyType.VARIABLES);
        variables = new HashMap<>();
        variables.put("user", alice);
        variables.put("request", info);
        variables.put("context", FlowContext.empty());
        variables.put("prompt_data", Map.of());
        if (!expressionEvaluation().passing() || !groupBindingBaseline().passing()
                || !Boolean.TRUE.equals(expressionOnly())) {
            throw new IllegalStateException("the benchmark policies must pass for alice");
        }
    }

    /** Shuts the (idle) policy executor down. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
    }

    /** Evaluates the expression policy binding through the policy engine. */
    @Benchmark
    public PolicyDecision expressionEvaluation() {
        return engine.evaluate(expressionBinding, PolicyEngineMode.ANY, request);
    }

    /** Evaluates a group binding through the policy engine: the engine's cost without an expression. */
    @Benchmark
    public PolicyDecision groupBindingBaseline() {
        return engine.evaluate(groupBinding, PolicyEngineMode.ANY, request);
    }

    /** Evaluates the sandboxed expression directly, without the policy engine and policy wrapper. */
    @Benchmark
    public Object expressionOnly() {
        return expression.evaluate(variables);
    }
}
