package dev.flowstage.core.internal.blueprint;

import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageBinding;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes flows as a blueprint: the flows, the policies and objects they use, their stages, stage
 * bindings and policy bindings, in that order, each group sorted by name, with ids made of names
 * ({@code flow-<slug>}, {@code stage-<name>}) and references as {@code !KeyOf}. The same flows always
 * give the same text. Secrets are never written (models leave them out). Not thread-safe.
 */
public final class Exporter {
    private final ModelRegistry models;
    private final Map<String, FlowDefinition> flows = new TreeMap<>();
    private final Map<String, StageDefinition> stages = new TreeMap<>();
    private final Map<String, PolicyDefinition> policies = new TreeMap<>();
    private final Map<String, ModelRef.ObjectRef> objects = new TreeMap<>();
    private final Map<String, Map<String, Object>> attributes = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();

    /** Creates an exporter that writes stage and policy attributes with {@code models}. */
    public Exporter(ModelRegistry models) {
        this.models = models;
    }

    /**
     * Returns {@code definitions} as blueprint YAML named {@code name}.
     *
     * @throws IllegalArgumentException when two different stages (or policies) share a name, or a
     *     stage or policy type has no blueprint model
     */
    public String export(Collection<FlowDefinition> definitions, String name) {
        definitions.forEach(flow -> add(flows, flow.slug(), flow, "flow"));
        for (FlowDefinition flow : flows.values()) {
            flow.policies().forEach(this::collect);
            for (StageBinding binding : flow.bindings()) {
                add(stages, binding.stage().name(), binding.stage(), "stage");
                binding.policies().forEach(this::collect);
            }
        }
        describeAll();
        List<Object> entries = new ArrayList<>();
        flows.values().forEach(flow -> entries.add(flowEntry(flow)));
        sorted("policy-", policies.keySet()).forEach(policy -> entries.add(policyEntry(policies.get(policy))));
        sorted("object-", objects.keySet()).forEach(key -> entries.add(objectEntry(key, objects.get(key))));
        sorted("stage-", stages.keySet()).forEach(stage -> entries.add(stageEntry(stages.get(stage))));
        for (FlowDefinition flow : flows.values()) {
            flow.policies().forEach(binding -> entries.add(policyBindingEntry(binding, flowId(flow.slug()))));
            for (StageBinding binding : flow.bindings()) {
                entries.add(bindingEntry(flow, binding));
                binding.policies().forEach(policy -> entries.add(policyBindingEntry(policy, bindingId(flow, binding))));
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", 1);
        document.put("metadata", Map.of("name", name, "labels", Map.of("blueprints.goauthentik.io/generated", "true")));
        document.put("entries", entries);
        return YamlWriter.write(document);
    }

    private void collect(PolicyBinding binding) {
        if (binding.target() instanceof PolicyBinding.PolicyTarget target) {
            add(policies, target.policy().name(), target.policy(), "policy");
        }
    }

    private static <T> void add(Map<String, T> map, String name, T value, String what) {
        T previous = map.putIfAbsent(name, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalArgumentException("cannot export two different " + what + "s named '" + name + "'");
        }
    }

    /** Describes every stage, policy and object, adding those they refer to, until nothing new turns up. */
    private void describeAll() {
        boolean grew = true;
        while (grew) {
            int before = stages.size() + policies.size() + objects.size();
            new ArrayList<>(policies.values()).forEach(policy -> describe("policy-" + policy.name(),
                    policyModel(policy), policy.config()));
            new ArrayList<>(objects.entrySet()).forEach(entry -> describe("object-" + entry.getKey(),
                    objectModel(entry.getValue()), entry.getValue().config()));
            new ArrayList<>(stages.values()).forEach(stage -> describe("stage-" + stage.name(),
                    stageModel(stage), stage.config()));
            grew = stages.size() + policies.size() + objects.size() > before;
        }
    }

    private BlueprintModel<?> policyModel(PolicyDefinition policy) {
        return models.policyModel(policy.type()).orElseThrow(() -> new IllegalArgumentException(
                "policy '" + policy.name() + "' of type '" + policy.type() + "' has no blueprint model"));
    }

    private BlueprintModel<?> stageModel(StageDefinition stage) {
        return models.stageModel(stage.type()).orElseThrow(() -> new IllegalArgumentException(
                "stage '" + stage.name() + "' of type '" + stage.type() + "' has no blueprint model"));
    }

    private BlueprintModel<?> objectModel(ModelRef.ObjectRef object) {
        return models.model(object.model()).orElseThrow(() -> new IllegalArgumentException(
                "object '" + object.name() + "' of model '" + object.model() + "' has no blueprint model"));
    }

    private void describe(String id, BlueprintModel<?> model, Object config) {
        if (attributes.containsKey(id)) {
            return;
        }
        Set<String> needs = new TreeSet<>();
        Map<String, Object> raw = attributesOf(model, config);
        Map<String, Object> written = new TreeMap<>();
        raw.forEach((key, value) -> {
            Object converted = convert(value, needs);
            if (converted != null) {
                written.put(key, converted);
            }
        });
        attributes.put(id, written);
        dependencies.put(id, needs);
    }

    private static <C> Map<String, Object> attributesOf(BlueprintModel<C> model, Object config) {
        if (!model.configType().isInstance(config)) {
            throw new IllegalArgumentException("config " + config.getClass().getName() + " is not a "
                    + model.configType().getName() + " of model " + model.modelName());
        }
        return model.toAttributes(model.configType().cast(config));
    }

    private Object convert(Object value, Set<String> needs) {
        if (value instanceof ModelRef ref) {
            return reference(ref, needs);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new TreeMap<>();
            map.forEach((key, item) -> {
                Object result = convert(item, needs);
                if (result != null) {
                    converted.put(String.valueOf(key), result);
                }
            });
            return converted;
        }
        if (value instanceof Collection<?> list) {
            List<Object> converted = new ArrayList<>();
            list.forEach(item -> converted.add(convert(item, needs)));
            return converted;
        }
        if (value instanceof Duration || value == null || value instanceof String || value instanceof Boolean
                || value instanceof Number) {
            return value;
        }
        throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " in a blueprint");
    }

    private Object reference(ModelRef ref, Set<String> needs) {
        if (ref instanceof ModelRef.FlowRef flow) {
            return flows.containsKey(flow.slug()) ? new YamlWriter.KeyOf(flowId(flow.slug())) : flow.slug();
        }
        if (ref instanceof ModelRef.PolicyRef policy) {
            add(policies, policy.policy().name(), policy.policy(), "policy");
            needs.add("policy-" + policy.policy().name());
            return new YamlWriter.KeyOf("policy-" + policy.policy().name());
        }
        if (ref instanceof ModelRef.StageRef stage) {
            add(stages, stage.stage().name(), stage.stage(), "stage");
            needs.add("stage-" + stage.stage().name());
            return new YamlWriter.KeyOf("stage-" + stage.stage().name());
        }
        if (ref instanceof ModelRef.ObjectRef object) {
            String key = objectKey(object);
            add(objects, key, object, object.model());
            needs.add("object-" + key);
            return new YamlWriter.KeyOf(objectId(object));
        }
        throw new AssertionError("unhandled " + ref);
    }

    private static String objectKey(ModelRef.ObjectRef object) {
        return object.model() + "/" + object.name();
    }

    private static String objectId(ModelRef.ObjectRef object) {
        return object.model().substring(object.model().indexOf('.') + 1) + "-" + object.name();
    }

    /** Returns the names in an order where everything comes after what it refers to, else by name. */
    private List<String> sorted(String prefix, Set<String> names) {
        List<String> order = new ArrayList<>();
        TreeSet<String> pending = new TreeSet<>(names);
        while (!pending.isEmpty()) {
            String next = pending.stream().filter(name -> dependencies.getOrDefault(prefix + name, Set.of()).stream()
                    .noneMatch(dep -> dep.startsWith(prefix) && pending.contains(dep.substring(prefix.length()))))
                    .findFirst().orElse(pending.first());
            order.add(next);
            pending.remove(next);
        }
        return order;
    }

    private Map<String, Object> flowEntry(FlowDefinition flow) {
        Map<String, Object> attrs = new TreeMap<>();
        attrs.put("name", flow.name());
        attrs.put("title", flow.title());
        attrs.put("designation", flow.designation().wireName());
        attrs.put("authentication", flow.authentication().wireName());
        attrs.put("denied_action", flow.deniedAction().wireName());
        attrs.put("policy_engine_mode", flow.policyEngineMode().wireName());
        attrs.put("layout", flow.layout().wireName());
        if (!flow.background().isEmpty()) {
            attrs.put("background", flow.background());
        }
        return entry(Structural.FLOW, flowId(flow.slug()), Map.of("slug", flow.slug()), attrs);
    }

    private Map<String, Object> policyEntry(PolicyDefinition policy) {
        return entry(policyModel(policy).modelName(), "policy-" + policy.name(), Map.of("name", policy.name()),
                attributes.get("policy-" + policy.name()));
    }

    private Map<String, Object> objectEntry(String key, ModelRef.ObjectRef object) {
        return entry(object.model(), objectId(object), Map.of("name", object.name()), attributes.get("object-" + key));
    }

    private Map<String, Object> stageEntry(StageDefinition stage) {
        return entry(stageModel(stage).modelName(), "stage-" + stage.name(), Map.of("name", stage.name()),
                attributes.get("stage-" + stage.name()));
    }

    private Map<String, Object> bindingEntry(FlowDefinition flow, StageBinding binding) {
        Map<String, Object> identifiers = new TreeMap<>();
        identifiers.put("order", binding.order());
        identifiers.put("stage", new YamlWriter.KeyOf("stage-" + binding.stage().name()));
        identifiers.put("target", new YamlWriter.KeyOf(flowId(flow.slug())));
        Map<String, Object> attrs = new TreeMap<>();
        attrs.put("evaluate_on_plan", binding.evaluateOnPlan());
        attrs.put("re_evaluate_policies", binding.reEvaluatePolicies());
        attrs.put("invalid_response_action", binding.invalidResponseAction().wireName());
        attrs.put("policy_engine_mode", binding.policyEngineMode().wireName());
        return entry(Structural.BINDING, bindingId(flow, binding), identifiers, attrs);
    }

    private Map<String, Object> policyBindingEntry(PolicyBinding binding, String targetId) {
        Map<String, Object> identifiers = new TreeMap<>();
        identifiers.put("order", binding.order());
        identifiers.put("target", new YamlWriter.KeyOf(targetId));
        if (binding.target() instanceof PolicyBinding.PolicyTarget policy) {
            identifiers.put("policy", new YamlWriter.KeyOf("policy-" + policy.policy().name()));
        } else if (binding.target() instanceof PolicyBinding.GroupTarget group) {
            identifiers.put("group", group.group());
        } else if (binding.target() instanceof PolicyBinding.UserTarget user) {
            identifiers.put("user", user.username());
        } else {
            throw new AssertionError("unhandled " + binding.target());
        }
        Map<String, Object> attrs = new TreeMap<>();
        attrs.put("enabled", binding.enabled());
        attrs.put("negate", binding.negate());
        attrs.put("timeout", timeoutSeconds(binding.timeout()));
        attrs.put("failure_result", binding.failureResult());
        return entry(Structural.POLICY_BINDING, null, identifiers, attrs);
    }

    private static long timeoutSeconds(Duration timeout) {
        if (timeout.toNanosPart() != 0) {
            throw new IllegalArgumentException("policy binding timeout " + timeout + " is not a whole number of seconds");
        }
        return timeout.toSeconds();
    }

    private static Map<String, Object> entry(String model, String id, Map<String, Object> identifiers,
            Map<String, Object> attrs) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("model", model);
        if (id != null) {
            entry.put("id", id);
        }
        entry.put("identifiers", new TreeMap<>(identifiers));
        if (!attrs.isEmpty()) {
            entry.put("attrs", attrs);
        }
        return entry;
    }

    private static String flowId(String slug) {
        return "flow-" + slug;
    }

    private static String bindingId(FlowDefinition flow, StageBinding binding) {
        return "binding-" + flow.slug() + "-" + binding.order();
    }
}
