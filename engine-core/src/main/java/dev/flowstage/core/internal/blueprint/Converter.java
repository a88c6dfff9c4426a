package dev.flowstage.core.internal.blueprint;

import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageBinding;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.core.blueprint.Application;
import dev.flowstage.core.blueprint.Brand;
import dev.flowstage.core.blueprint.ConfigObject;
import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts configuration objects into definitions: stage and policy objects through their models,
 * flows with their bindings into {@link FlowDefinition}s. Problems are collected per object key.
 * Caches conversions; not thread-safe, one instance per configuration state.
 */
final class Converter implements References {
    private final ModelRegistry models;
    private final Workspace workspace;
    private final Map<String, Object> converted = new HashMap<>();
    private final Map<String, List<AttributeReader.Problem>> failed = new HashMap<>();
    private final Set<String> converting = new HashSet<>();

    Converter(ModelRegistry models, Workspace workspace) {
        this.models = models;
        this.workspace = workspace;
    }

    /** The flows of a configuration, and the problems of the objects they are made of, by key. */
    record Flows(Map<String, FlowDefinition> definitions, Map<String, String> slugsByKey,
            Map<String, List<AttributeReader.Problem>> problems) {}

    @Override
    public Optional<ConfigObject> get(String pk) {
        return workspace.get(pk);
    }

    @Override
    public Optional<String> flowSlug(String pk) {
        return workspace.get(pk).filter(object -> object.model().equals(Structural.FLOW))
                .map(object -> String.valueOf(object.field("slug")));
    }

    @Override
    public PolicyDefinition policy(String pk) {
        return (PolicyDefinition) definition(pk, BlueprintModel.Kind.POLICY, "a policy");
    }

    @Override
    public StageDefinition stage(String pk) {
        return (StageDefinition) definition(pk, BlueprintModel.Kind.STAGE, "a stage");
    }

    @Override
    public Object object(String pk, String model) {
        ConfigObject object = workspace.get(pk).orElseThrow(() -> new IllegalArgumentException("refers to nothing (key " + pk + ")"));
        if (!object.model().equals(model)) {
            throw new IllegalArgumentException("refers to a " + object.model() + ", not a " + model);
        }
        return definition(pk, BlueprintModel.Kind.OBJECT, "a " + model);
    }

    private Object definition(String pk, BlueprintModel.Kind kind, String what) {
        ConfigObject object = workspace.get(pk).orElseThrow(() -> new IllegalArgumentException("refers to nothing (key " + pk + ")"));
        BlueprintModel<?> model = models.model(object.model()).filter(m -> m.kind() == kind)
                .orElseThrow(() -> new IllegalArgumentException("refers to a " + object.model() + ", not " + what));
        convert(object, model);
        if (failed.containsKey(pk)) {
            throw new IllegalArgumentException("refers to " + object.model() + " "
                    + Structural.describe(object.model(), object.fields()) + ", which is invalid");
        }
        return converted.get(pk);
    }

    /** Returns the problems of {@code object} on its own: unknown and ill-typed attributes, broken references, expressions. */
    List<AttributeReader.Problem> problems(ConfigObject object) {
        Optional<BlueprintModel<?>> model = models.model(object.model());
        if (model.isPresent()) {
            convert(object, model.get());
            return failed.getOrDefault(object.pk(), List.of());
        }
        AttributeReader reader = new AttributeReader(object.fields(), this);
        switch (object.model()) {
            case Structural.FLOW: Structural.flow(reader); break;
            case Structural.BINDING: Structural.binding(reader, models); break;
            case Structural.POLICY_BINDING: Structural.policyBinding(reader, models); break;
            case Structural.GROUP: Structural.group(reader); break;
            case Structural.BRAND: Structural.brand(reader); break;
            case Structural.APPLICATION: Structural.application(reader); break;
            default: throw new IllegalStateException("no reader for model " + object.model());
        }
        reader.reportUnknown(object.model());
        return reader.problems();
    }

    /**
     * Returns what {@code object} means, for telling real updates from rewrites of the same thing
     * (an attribute written out with its default value): the definition or config of a stage, policy
     * or object, the typed fields of a flow, binding or brand; null when it does not convert.
     */
    Object meaning(ConfigObject object) {
        Optional<BlueprintModel<?>> model = models.model(object.model());
        if (model.isPresent()) {
            convert(object, model.get());
            return converted.get(object.pk());
        }
        AttributeReader reader = new AttributeReader(object.fields(), this);
        switch (object.model()) {
            case Structural.FLOW: return Structural.flow(reader);
            case Structural.BINDING: return Structural.binding(reader, models);
            case Structural.POLICY_BINDING: return Structural.policyBinding(reader, models);
            case Structural.BRAND: return Structural.brand(reader);
            case Structural.APPLICATION: return Structural.application(reader);
            default: return object.fields();
        }
    }

    private void convert(ConfigObject object, BlueprintModel<?> model) {
        if (converted.containsKey(object.pk()) || failed.containsKey(object.pk())) {
            return;
        }
        if (!converting.add(object.pk())) {
            failed.put(object.pk(), List.of(new AttributeReader.Problem("", "refers to itself through its references")));
            return;
        }
        try {
            AttributeReader reader = new AttributeReader(object.fields(), this);
            Object value = read(reader, model);
            if (reader.problems().isEmpty()) {
                converted.put(object.pk(), value);
            } else {
                failed.put(object.pk(), List.copyOf(reader.problems()));
            }
        } finally {
            converting.remove(object.pk());
        }
    }

    private <C> Object read(AttributeReader reader, BlueprintModel<C> model) {
        String name = model.kind() == BlueprintModel.Kind.OBJECT ? reader.string("name", "") : reader.requiredString("name");
        if (model.kind() == BlueprintModel.Kind.POLICY) {
            reader.ignore("execution_logging");
        }
        C config;
        try {
            config = model.fromAttributes(reader);
        } catch (RuntimeException e) {
            reader.problem("", "invalid attributes: " + e.getMessage());
            return null;
        }
        reader.reportUnknown(model.modelName());
        if (!reader.problems().isEmpty()) {
            return null;
        }
        if (!model.configType().isInstance(config)) {
            reader.problem("", "model " + model.modelName() + " returned no " + model.configType().getSimpleName());
            return null;
        }
        model.check(config).forEach(problem -> {
            int colon = problem.indexOf(": ");
            String key = colon > 0 ? problem.substring(0, colon) : "";
            boolean named = reader.knows(key);
            reader.problem(named ? key : "", named ? problem.substring(colon + 2) : problem);
        });
        return wrap(model, name, config, reader);
    }

    private static Object wrap(BlueprintModel<?> model, String name, Object config, AttributeReader reader) {
        try {
            switch (model.kind()) {
                case STAGE: return StageDefinition.of(name, model.typeId(), config);
                case POLICY: return PolicyDefinition.of(name, model.typeId(), config);
                default: return config;
            }
        } catch (IllegalArgumentException e) {
            reader.problem("name", e.getMessage());
            return null;
        }
    }

    /** Returns every brand of the configuration whose fields are valid. */
    List<Brand> brands() {
        List<Brand> brands = new ArrayList<>();
        for (ConfigObject object : workspace.ofModel(Structural.BRAND)) {
            AttributeReader reader = new AttributeReader(object.fields(), this);
            Brand brand = Structural.brand(reader);
            if (reader.problems().isEmpty()) {
                brands.add(brand);
            }
        }
        return brands;
    }

    /** Returns every application of the configuration whose fields and policy bindings are valid, by slug. */
    List<Application> applications() {
        List<Application> applications = new ArrayList<>();
        for (ConfigObject object : workspace.ofModel(Structural.APPLICATION)) {
            AttributeReader reader = new AttributeReader(object.fields(), this);
            Structural.ApplicationFields fields = Structural.application(reader);
            List<AttributeReader.Problem> invalid = new ArrayList<>();
            List<PolicyBinding> policies = policyBindings(object.pk(), new LinkedHashMap<>(), invalid);
            if (reader.problems().isEmpty() && invalid.isEmpty()) {
                applications.add(new Application(fields.slug(), fields.name(), fields.launchUrl(), fields.description(),
                        fields.mode(), policies, fields.authorizationFlow()));
            }
        }
        applications.sort(Comparator.comparing(Application::slug));
        return applications;
    }

    /** Returns every flow of the configuration as a definition, and the problems of those that are not valid. */
    Flows flows() {
        Map<String, FlowDefinition> definitions = new LinkedHashMap<>();
        Map<String, String> slugs = new LinkedHashMap<>();
        Map<String, List<AttributeReader.Problem>> problems = new LinkedHashMap<>();
        for (ConfigObject flow : workspace.ofModel(Structural.FLOW)) {
            List<AttributeReader.Problem> own = new ArrayList<>();
            FlowDefinition definition = flow(flow, own, problems);
            if (definition != null && definitions.containsKey(definition.slug())) {
                own.add(new AttributeReader.Problem("slug", "two flows have the slug '" + definition.slug() + "'"));
            } else if (definition != null && own.isEmpty()) {
                definitions.put(definition.slug(), definition);
                slugs.put(flow.pk(), definition.slug());
            }
            if (!own.isEmpty()) {
                problems.computeIfAbsent(flow.pk(), key -> new ArrayList<>()).addAll(own);
            }
        }
        return new Flows(definitions, slugs, problems);
    }

    private FlowDefinition flow(ConfigObject flow, List<AttributeReader.Problem> own,
            Map<String, List<AttributeReader.Problem>> problems) {
        AttributeReader reader = new AttributeReader(flow.fields(), this);
        Structural.FlowFields fields = Structural.flow(reader);
        reader.reportUnknown(Structural.FLOW);
        own.addAll(reader.problems());
        List<PolicyBinding> policies = policyBindings(flow.pk(), problems, own);
        List<StageBinding> bindings = new ArrayList<>();
        for (ConfigObject binding : bound(Structural.BINDING, flow.pk())) {
            StageBinding stageBinding = binding(binding, problems);
            if (stageBinding != null) {
                bindings.add(stageBinding);
            } else {
                own.add(new AttributeReader.Problem("", "its stage binding " + Structural.describe(binding.model(), binding.fields())
                        + " is invalid"));
            }
        }
        if (!own.isEmpty()) {
            return null;
        }
        try {
            return new FlowDefinition(fields.slug(), fields.name(), fields.title(), fields.designation(),
                    fields.authentication(), fields.deniedAction(), fields.mode(), fields.layout(), fields.background(),
                    policies, bindings);
        } catch (FlowDefinitionException e) {
            e.problems().forEach(problem -> own.add(new AttributeReader.Problem("", problem)));
        } catch (RuntimeException e) {
            own.add(new AttributeReader.Problem("", e.getMessage()));
        }
        return null;
    }

    private StageBinding binding(ConfigObject binding, Map<String, List<AttributeReader.Problem>> problems) {
        AttributeReader reader = new AttributeReader(binding.fields(), this);
        Structural.BindingFields fields = Structural.binding(reader, models);
        reader.reportUnknown(Structural.BINDING);
        StageDefinition stage = reader.stage("stage");
        List<AttributeReader.Problem> invalidPolicies = new ArrayList<>();
        List<PolicyBinding> policies = policyBindings(binding.pk(), problems, invalidPolicies);
        invalidPolicies.forEach(problem -> reader.problem(problem.key(), problem.message()));
        if (!reader.problems().isEmpty() || stage == null) {
            problems.computeIfAbsent(binding.pk(), key -> new ArrayList<>()).addAll(reader.problems());
            return null;
        }
        return new StageBinding(fields.order(), stage, fields.evaluateOnPlan(), fields.reEvaluate(),
                fields.invalidResponseAction(), fields.mode(), policies);
    }

    /** Returns the policy bindings of {@code target}; an invalid one adds a problem to {@code own}, so that no check is ever dropped. */
    private List<PolicyBinding> policyBindings(String target, Map<String, List<AttributeReader.Problem>> problems,
            List<AttributeReader.Problem> own) {
        List<PolicyBinding> bindings = new ArrayList<>();
        for (ConfigObject object : bound(Structural.POLICY_BINDING, target)) {
            AttributeReader reader = new AttributeReader(object.fields(), this);
            Structural.PolicyBindingFields fields = Structural.policyBinding(reader, models);
            reader.reportUnknown(Structural.POLICY_BINDING);
            PolicyDefinition policy = fields.policy() == null ? null : reader.policy("policy");
            if (!reader.problems().isEmpty()) {
                problems.computeIfAbsent(object.pk(), key -> new ArrayList<>()).addAll(reader.problems());
                own.add(new AttributeReader.Problem("", "its policy binding "
                        + Structural.describe(object.model(), object.fields()) + " is invalid"));
                continue;
            }
            PolicyBinding.Target bound = policy != null ? new PolicyBinding.PolicyTarget(policy)
                    : fields.group() != null ? new PolicyBinding.GroupTarget(fields.group())
                    : new PolicyBinding.UserTarget(fields.user());
            bindings.add(new PolicyBinding(bound, fields.order(), fields.enabled(), fields.negate(), fields.timeout(),
                    fields.failureResult()));
        }
        bindings.sort(Comparator.comparingInt(PolicyBinding::order));
        return bindings;
    }

    private List<ConfigObject> bound(String model, String target) {
        return workspace.ofModel(model).stream().filter(object -> target.equals(object.field("target"))).toList();
    }
}
