package dev.flowstage.core.internal.compile;

import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.Secret;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageBinding;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.core.internal.machine.SpringFlowMachine;
import dev.flowstage.policy.CompiledBinding;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyType;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageValidation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Compiles flow definitions: resolves stage and policy types, validates configs, compiles policies
 * (MVEL once per flow version) and builds the state machine. Reports every problem at once.
 */
public final class FlowCompiler {
    private final Map<String, Stage<?>> stages;
    private final Map<String, PolicyType<?>> policyTypes;
    private final ConfigValidator validator;
    private final JsonMapper mapper;
    private final StageValidation stageValidation;

    /** Creates a compiler over the registered stage and policy types. */
    public FlowCompiler(Map<String, Stage<?>> stages, Map<String, PolicyType<?>> policyTypes, ConfigValidator validator,
            JsonMapper mapper, StageValidation stageValidation) {
        this.stages = Map.copyOf(stages);
        this.policyTypes = Map.copyOf(policyTypes);
        this.validator = validator;
        this.mapper = mapper;
        this.stageValidation = stageValidation;
    }

    /**
     * Returns the compiled flow.
     *
     * @throws FlowDefinitionException listing every problem found
     */
    public CompiledFlow compile(FlowDefinition definition) {
        List<String> problems = new ArrayList<>();
        Map<String, Policy> compiledPolicies = new HashMap<>();
        String flow = "flow '" + definition.slug() + "'";
        List<CompiledBinding> flowPolicies = compilePolicies(flow, definition.policies(), compiledPolicies, problems);
        List<CompiledStageBinding> bindings = new ArrayList<>();
        for (StageBinding binding : definition.bindings()) {
            String where = "stage '" + binding.stage().name() + "' in " + flow;
            Stage<Object> stage = resolveStage(where, binding.stage(), problems);
            List<CompiledBinding> policies = compilePolicies(where, binding.policies(), compiledPolicies, problems);
            bindings.add(new CompiledStageBinding(bindings.size(), binding, stage, binding.stage().config(), policies));
        }
        if (!problems.isEmpty()) {
            throw new FlowDefinitionException(problems);
        }
        return new CompiledFlow(
                definition, version(definition), SpringFlowMachine.compile(bindings.size()), bindings, flowPolicies);
    }

    /** Returns whether a stage type with {@code typeId} is registered. */
    public boolean hasStageType(String typeId) {
        return stages.containsKey(typeId);
    }

    private Stage<Object> resolveStage(String where, StageDefinition definition, List<String> problems) {
        Stage<?> stage = stages.get(definition.type());
        if (stage == null) {
            problems.add(where + ": stage type '" + definition.type() + "' is not registered (known: "
                    + stages.keySet().stream().sorted().toList() + ")");
            return null;
        }
        if (!stage.configType().isInstance(definition.config())) {
            problems.add(where + ": config must be a " + stage.configType().getName() + ", not a "
                    + definition.config().getClass().getName());
            return null;
        }
        @SuppressWarnings("unchecked")
        Stage<Object> typed = (Stage<Object>) stage;
        problems.addAll(validator.problems(where, definition.config()));
        typed.validate(definition.config(), stageValidation).forEach(problem -> problems.add(where + ": " + problem));
        return typed;
    }

    private List<CompiledBinding> compilePolicies(
            String where, List<PolicyBinding> bindings, Map<String, Policy> compiled, List<String> problems) {
        List<CompiledBinding> result = new ArrayList<>();
        for (PolicyBinding binding : bindings) {
            if (binding.target() instanceof PolicyBinding.PolicyTarget target) {
                Policy policy = compiled.computeIfAbsent(
                        target.policy().name(), name -> compilePolicy(where, target.policy(), problems));
                if (policy != null) {
                    result.add(CompiledBinding.of(binding, policy));
                }
            } else {
                result.add(CompiledBinding.of(binding, null));
            }
        }
        return result;
    }

    private Policy compilePolicy(String where, PolicyDefinition definition, List<String> problems) {
        PolicyType<?> type = policyTypes.get(definition.type());
        String policy = "policy '" + definition.name() + "' of " + where;
        if (type == null) {
            problems.add(policy + ": policy type '" + definition.type() + "' is not registered (known: "
                    + policyTypes.keySet().stream().sorted().toList() + ")");
            return null;
        }
        if (!type.configType().isInstance(definition.config())) {
            problems.add(policy + ": config must be a " + type.configType().getName());
            return null;
        }
        List<String> violations = validator.problems(policy, definition.config());
        if (!violations.isEmpty()) {
            problems.addAll(violations);
            return null;
        }
        return compileTyped(type, policy, definition, problems);
    }

    private static <C> Policy compileTyped(
            PolicyType<C> type, String policy, PolicyDefinition definition, List<String> problems) {
        try {
            return type.compile(definition.name(), type.configType().cast(definition.config()));
        } catch (IllegalArgumentException e) {
            problems.add(policy + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Returns the mapper that canonicalises definitions for their version hash. Secrets (an SMTP
     * password) are written as a hash of their value, so that changing one changes the version while
     * the value never appears in the canonical form.
     */
    public static JsonMapper versionMapper() {
        SimpleModule secrets = new SimpleModule("flowstage-secret-digest");
        secrets.addSerializer(Secret.class, new ValueSerializer<Secret>() {
            @Override
            public void serialize(Secret value, JsonGenerator generator, SerializationContext context) {
                generator.writeString("sha256:" + sha256(value.reveal()));
            }
        });
        return JsonMapper.builder().addModule(secrets).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private String version(FlowDefinition definition) {
        String canonical;
        try {
            canonical = mapper.writeValueAsString(definition);
        } catch (RuntimeException e) {
            canonical = definition.toString();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
