package dev.flowstage.core.internal.exec;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.core.internal.compile.CompiledFlow;
import dev.flowstage.core.internal.compile.CompiledStageBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.spi.Expressions;
import dev.flowstage.spi.PolicyCheck;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.Tokens;
import dev.flowstage.spi.UserDirectory;
import dev.flowstage.spi.UserStore;
import java.util.List;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** The {@link StageContext} handed to a stage for one call; not shared between threads. */
final class DefaultStageContext implements StageContext<Object> {
    private final EngineServices services;
    private final StageTools tools;
    private final CompiledFlow flow;
    private final CompiledStageBinding binding;
    private final Execution execution;
    private ExecutionTokens tokens;

    DefaultStageContext(
            EngineServices services, StageTools tools, CompiledFlow flow, CompiledStageBinding binding, Execution execution) {
        this.services = services;
        this.tools = tools;
        this.flow = flow;
        this.binding = binding;
        this.execution = execution;
    }

    @Override
    public Object config() {
        return binding.config();
    }

    @Override
    public String stageName() {
        return binding.name();
    }

    @Override
    public ExecutionId executionId() {
        return execution.id();
    }

    @Override
    public String flowSlug() {
        return flow.slug();
    }

    @Override
    public Designation designation() {
        return flow.definition().designation();
    }

    @Override
    public FlowContext context() {
        return execution.context();
    }

    @Override
    public RequestInfo request() {
        return execution.request();
    }

    @Override
    public UserDirectory users() {
        return services.users();
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public SecureRandom random() {
        return services.random();
    }

    @Override
    public <S> S service(Class<S> type) {
        return findService(type).orElseThrow(() -> new IllegalStateException(
                "stage '" + binding.name() + "' needs a " + type.getName() + "; register one on the engine builder"));
    }

    @Override
    public <S> Optional<S> findService(Class<S> type) {
        return Optional.ofNullable(services.services().get(type)).map(type::cast);
    }

    @Override
    public void publish(FlowEvent event) {
        services.events().publish(event);
    }

    @Override
    public UserStore userStore() {
        if (services.users() instanceof UserStore store) {
            return store;
        }
        throw new IllegalStateException("stage '" + binding.name() + "' writes users, but the engine's user directory ("
                + services.users().getClass().getName() + ") is not a UserStore");
    }

    @Override
    public Tokens tokens() {
        if (tokens == null) {
            tokens = new ExecutionTokens(services, execution, binding.name());
        }
        return tokens;
    }

    /** Returns whether the stage consumed a link token during this call. */
    boolean consumedToken() {
        return tokens != null && tokens.consumedAny();
    }

    /** Returns {@code updated} held alive as long as the tokens issued during this call are valid. */
    Execution holdForTokens(Execution updated) {
        return tokens == null ? updated : updated.holdUntilAtLeast(tokens.latestExpiry());
    }

    @Override
    public Expressions expressions() {
        return tools.expressions();
    }

    @Override
    public PolicyCheck checkPolicies(List<PolicyDefinition> policies, PolicyEngineMode mode, FlowContext context) {
        PolicyRequest request = new PolicyRequest(tools.gate().user(context, execution.request()), execution.request(), context);
        return tools.policies().check(policies, mode, request);
    }
}
