package dev.flowstage.core.blueprint;

import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.internal.blueprint.Exporter;
import dev.flowstage.core.internal.blueprint.Importer;
import dev.flowstage.core.internal.blueprint.ModelRegistry;
import dev.flowstage.policy.BuiltinPolicyModels;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.spi.blueprint.BlueprintModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies authentik-style blueprints to a {@link ConfigurationStore} and deploys the flows they
 * define to a {@link FlowEngine}; exports flows as blueprints; watches folders of them.
 *
 * <p>An apply is all or nothing: the whole file is loaded and every entry applied to a copy of the
 * configuration, every flow converted to a {@link FlowDefinition}, and every changed flow compiled
 * by the engine, before the store's configuration is swapped and the changed flows deployed. A
 * problem anywhere leaves store and engine untouched. Executions that already started stay on the
 * flow version they are pinned to.
 *
 * <pre>{@code
 * Blueprints blueprints = Blueprints.builder()
 *         .models(BuiltinModels.all())
 *         .store(new InMemoryConfigurationStore())
 *         .engine(engine)
 *         .build();
 * BlueprintResult result = blueprints.apply(Blueprint.of(Path.of("login.yaml")));
 * }</pre>
 *
 * <p>Thread-safe; applies are serialised.
 */
public final class Blueprints {
    private final ModelRegistry models;
    private final Importer importer;
    private final FlowEngine engine;

    private Blueprints(Builder builder) {
        this.models = new ModelRegistry(builder.models.values());
        this.engine = builder.engine;
        this.importer = new Importer(models, builder.store, builder.engine, builder.deploy, builder.environment,
                builder.context, builder.catalog, builder.progress::step, builder.invitations);
    }

    /** Returns a builder; not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns what applying {@code blueprint} would change, and its problems; changes nothing. */
    public BlueprintResult plan(Blueprint blueprint) {
        return plan(List.of(blueprint));
    }

    /** Returns what applying {@code blueprints} in order, as one change, would do, and their problems; changes nothing. */
    public BlueprintResult plan(List<Blueprint> blueprints) {
        return importer.run(List.copyOf(blueprints), false);
    }

    /** Returns the problems of {@code blueprint}; empty when applying it would succeed now. Changes nothing. */
    public List<BlueprintProblem> validate(Blueprint blueprint) {
        return plan(blueprint).problems();
    }

    /**
     * Applies {@code blueprint}: all of it, or nothing when it has problems (which the result lists).
     * Deploys the flows it changed and removes the flows it deleted from the engine.
     */
    public BlueprintResult apply(Blueprint blueprint) {
        return apply(List.of(blueprint));
    }

    /** Applies {@code blueprints} in order as one change: all of them, or nothing. */
    public BlueprintResult apply(List<Blueprint> blueprints) {
        return importer.run(List.copyOf(blueprints), true);
    }

    /** Returns every flow of the stored configuration, by slug. */
    public Map<String, FlowDefinition> definitions() {
        return importer.definitions();
    }

    /** Returns the stored flow {@code slug}, if any. */
    public Optional<FlowDefinition> definition(String slug) {
        return Optional.ofNullable(definitions().get(slug));
    }

    /** Returns the brands of the stored configuration. */
    public List<Brand> brands() {
        return importer.brands();
    }

    /** Returns the applications of the stored configuration, by slug. */
    public List<Application> applications() {
        return importer.applications();
    }

    /** Returns the model names blueprints may use, sorted. */
    public List<String> modelNames() {
        return models.names();
    }

    /**
     * Deploys every stored flow to the engine (at start-up, to serve what was applied before).
     *
     * @return the slugs deployed, sorted
     * @throws IllegalStateException when there is no engine
     * @throws FlowDefinitionException listing the flows that do not compile; the others are deployed
     */
    public List<String> sync() {
        if (engine == null) {
            throw new IllegalStateException("no engine to deploy to: set one with Builder#engine");
        }
        List<String> problems = new ArrayList<>();
        List<String> deployed = new ArrayList<>();
        definitions().forEach((slug, definition) -> {
            try {
                engine.deploy(definition);
                deployed.add(slug);
            } catch (FlowDefinitionException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new FlowDefinitionException(problems);
        }
        return deployed.stream().sorted().toList();
    }

    /**
     * Returns {@code flows} as one blueprint: deterministic (sorted, ids made of names), without
     * secrets, and applying it yields equal definitions.
     *
     * @throws IllegalArgumentException when two different stages or policies share a name, or a stage
     *     or policy type has no registered model
     */
    public String export(Collection<FlowDefinition> flows) {
        List<String> slugs = flows.stream().map(FlowDefinition::slug).sorted().toList();
        return new Exporter(models).export(flows, "Flowstage export: " + String.join(", ", slugs));
    }

    /**
     * Returns the stored flows {@code slugs} as one blueprint; see {@link #export(Collection)}.
     *
     * @throws IllegalArgumentException when a slug is not stored
     */
    public String exportStored(Collection<String> slugs) {
        Map<String, FlowDefinition> stored = definitions();
        List<FlowDefinition> flows = new ArrayList<>();
        for (String slug : slugs) {
            FlowDefinition flow = stored.get(slug);
            if (flow == null) {
                throw new IllegalArgumentException("no stored flow has slug '" + slug + "' (stored: "
                        + stored.keySet().stream().sorted().toList() + ")");
            }
            flows.add(flow);
        }
        return export(flows);
    }

    /**
     * Returns a watcher of the blueprints in {@code folder}; call {@link BlueprintWatcher#start()} to
     * watch it in the background, or {@link BlueprintWatcher#rescan()} to apply changes now.
     */
    public BlueprintWatcher watcher(Path folder, BlueprintWatcher.Listener listener) {
        return new BlueprintWatcher(this, folder, listener);
    }

    /** Builds {@link Blueprints}; not thread-safe. The built-in policy models are always registered. */
    public static final class Builder {
        private final Map<String, BlueprintModel<?>> models = new LinkedHashMap<>();
        private ConfigurationStore store = new InMemoryConfigurationStore();
        private FlowEngine engine;
        private boolean deploy = true;
        private Function<String, String> environment = System::getenv;
        private Map<String, Object> context = Map.of();
        private final List<Blueprint> catalog = new ArrayList<>();
        private Progress progress = (phase, done, total) -> { };
        private InvitationStore invitations;

        private Builder() {
            BuiltinPolicyModels.all().forEach(this::model);
        }

        /**
         * Registers a model.
         *
         * @throws IllegalArgumentException when another model has the same name
         */
        public Builder model(BlueprintModel<?> model) {
            Objects.requireNonNull(model, "model");
            BlueprintModel<?> previous = models.putIfAbsent(model.modelName(), model);
            if (previous != null && previous != model) {
                throw new IllegalArgumentException("model '" + model.modelName() + "' is registered twice ("
                        + previous.getClass().getName() + " and " + model.getClass().getName() + ")");
            }
            return this;
        }

        /** Registers every model of {@code models}. */
        public Builder models(Collection<? extends BlueprintModel<?>> models) {
            models.forEach(this::model);
            return this;
        }

        /** Sets where the applied configuration is kept (default: in memory). */
        public Builder store(ConfigurationStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the engine that checks every changed flow before an apply and serves the flows after it.
         * Without one, flows are converted but not compiled.
         */
        public Builder engine(FlowEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** Sets whether applies deploy to the engine (default true); false only checks with it, as a CLI does. */
        public Builder deploy(boolean deploy) {
            this.deploy = deploy;
            return this;
        }

        /** Sets where {@code !Env} reads variables (default: the process environment). */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Sets the instance context, merged over each blueprint's own {@code context} for {@code !Context}. */
        public Builder context(Map<String, ?> context) {
            this.context = Map.copyOf(Objects.requireNonNull(context, "context"));
            return this;
        }

        /** Adds blueprints that meta-apply entries ({@code authentik_blueprints.metaapplyblueprint}) may name. */
        public Builder catalog(Collection<Blueprint> blueprints) {
            catalog.addAll(blueprints);
            return this;
        }

        /**
         * Sets the invitation store that {@code authentik_stages_invitation.invitation} objects are saved
         * to when an apply creates or changes them (and removed from when it deletes them).
         */
        public Builder invitations(InvitationStore store) {
            this.invitations = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Sets a listener told about progress through long applies. */
        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Returns the blueprints service. */
        public Blueprints build() {
            return new Blueprints(this);
        }
    }

    /** Told about progress through an apply: {@code done} of {@code total} steps of {@code phase} ({@code entries}, {@code flows}). */
    @FunctionalInterface
    public interface Progress {
        /** Called after each step; must be fast and must not throw. */
        void step(String phase, int done, int total);
    }
}
