package dev.flowstage.core.internal.exec;

import dev.flowstage.api.ContextKey;
import dev.flowstage.core.internal.compile.ConfigValidator;
import dev.flowstage.core.internal.compile.FlowCompiler;
import dev.flowstage.core.internal.protocol.WireCodec;
import dev.flowstage.policy.PolicyEngine;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.PolicyType;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageValidation;
import dev.flowstage.api.definition.PolicyDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.json.JsonMapper;

/** Wires the engine's internals together, keeping Jackson and the other internals out of the public builder. */
public final class EngineAssembly {
    private EngineAssembly() {}

    /**
     * Returns an engine over the given parts; it owns {@code policyExecutor} and shuts it down on
     * close. {@code sealer} seals secrets in persisted executions; null means a per-process key.
     */
    public static DefaultFlowEngine assemble(EngineServices services, Map<String, Stage<?>> stages,
            Map<String, PolicyType<?>> policyTypes, ExecutionStore store, Map<String, ContextKey<?>> contextKeys,
            int maxBodyBytes, ExecutorService policyExecutor, dev.flowstage.spi.SecretSealer sealer) {
        ConfigValidator validator = new ConfigValidator();
        JsonMapper mapper = JsonMapper.builder().build();
        PolicyEngine policies = new PolicyEngine(policyExecutor, error -> { });
        StageTools tools = new StageTools(
                new StageExpressions(), new StagePolicies(policyTypes, policies), new PolicyGate(policies, services));
        FlowCompiler compiler = new FlowCompiler(stages, policyTypes, validator, FlowCompiler.versionMapper(), validation(tools));
        return new DefaultFlowEngine(services, compiler, tools, store, new ExecutionCodec(mapper, contextKeys, sealer != null ? sealer : new EphemeralSealer(services.random())),
                new WireCodec(maxBodyBytes), () -> {
                    policyExecutor.shutdownNow();
                    validator.close();
                });
    }

    private static StageValidation validation(StageTools tools) {
        return new StageValidation() {
            @Override
            public List<String> checkExpression(String source) {
                return tools.expressions().check(source);
            }

            @Override
            public List<String> checkPolicy(PolicyDefinition policy) {
                return tools.policies().problems(policy);
            }
        };
    }
}
