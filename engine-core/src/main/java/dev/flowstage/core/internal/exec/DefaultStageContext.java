package dev.flowstage.core.internal.exec;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.core.internal.compile.CompiledFlow;
import dev.flowstage.core.internal.compile.CompiledStageBinding;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.UserDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** The {@link StageContext} handed to a stage for one call. */
final class DefaultStageContext implements StageContext<Object> {
    private final EngineServices services;
    private final CompiledFlow flow;
    private final CompiledStageBinding binding;
    private final Execution execution;

    DefaultStageContext(EngineServices services, CompiledFlow flow, CompiledStageBinding binding, Execution execution) {
        this.services = services;
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
}
