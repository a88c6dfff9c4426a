package dev.flowstage.core.internal.blueprint;

import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The models an importer knows: the structural ones (flows, bindings, groups, brands) and the registered ones. */
public final class ModelRegistry {
    private final Map<String, BlueprintModel<?>> byName = new LinkedHashMap<>();
    private final Map<String, BlueprintModel<?>> stagesByType = new LinkedHashMap<>();
    private final Map<String, BlueprintModel<?>> policiesByType = new LinkedHashMap<>();

    /**
     * Returns a registry of {@code models}.
     *
     * @throws IllegalArgumentException when two models share a name, or two stage (or policy) models a type id
     */
    public ModelRegistry(Collection<BlueprintModel<?>> models) {
        for (BlueprintModel<?> model : models) {
            if (Structural.names().contains(model.modelName())) {
                throw new IllegalArgumentException("model '" + model.modelName() + "' is built into the importer");
            }
            register(byName, model.modelName(), model, "model name");
            if (model.kind() == BlueprintModel.Kind.STAGE) {
                register(stagesByType, model.typeId(), model, "stage type");
            } else if (model.kind() == BlueprintModel.Kind.POLICY) {
                register(policiesByType, model.typeId(), model, "policy type");
            }
        }
    }

    private static void register(Map<String, BlueprintModel<?>> map, String key, BlueprintModel<?> model, String what) {
        BlueprintModel<?> previous = map.putIfAbsent(key, model);
        if (previous != null && previous != model) {
            throw new IllegalArgumentException(what + " '" + key + "' has two blueprint models ("
                    + previous.getClass().getName() + " and " + model.getClass().getName() + ")");
        }
    }

    /** Returns whether {@code name} is a model blueprints may use. */
    public boolean known(String name) {
        return byName.containsKey(name) || Structural.names().contains(name);
    }

    Optional<BlueprintModel<?>> model(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Optional<BlueprintModel<?>> stageModel(String typeId) {
        return Optional.ofNullable(stagesByType.get(typeId));
    }

    Optional<BlueprintModel<?>> policyModel(String typeId) {
        return Optional.ofNullable(policiesByType.get(typeId));
    }

    boolean isStage(String name) {
        return model(name).map(model -> model.kind() == BlueprintModel.Kind.STAGE).orElse(false);
    }

    boolean isPolicy(String name) {
        return model(name).map(model -> model.kind() == BlueprintModel.Kind.POLICY).orElse(false);
    }

    /** Returns every model name, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(byName.keySet());
        names.addAll(Structural.names());
        return List.copyOf(names);
    }

    /** Returns authentik's {@code goauthentik.io/rbac/models} context value: model name to app label. */
    Map<String, Object> rbacModels() {
        Map<String, Object> models = new LinkedHashMap<>();
        for (String name : names()) {
            int dot = name.indexOf('.');
            models.put(name.substring(dot + 1), name.substring(0, dot));
        }
        return models;
    }
}
