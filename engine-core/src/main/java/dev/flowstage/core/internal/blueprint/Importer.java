package dev.flowstage.core.internal.blueprint;

import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.Invitation;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.blueprint.Application;
import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintProblem;
import dev.flowstage.core.blueprint.BlueprintResult;
import dev.flowstage.core.blueprint.Brand;
import dev.flowstage.core.blueprint.ConfigObject;
import dev.flowstage.core.blueprint.Configuration;
import dev.flowstage.core.blueprint.ConfigurationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates, plans and applies blueprints against a store and an engine: builds the next
 * configuration in a workspace, converts every flow, compiles the changed ones with the engine, and
 * only then swaps the store's configuration and deploys. Any problem leaves store and engine as
 * they were. Thread-safe: applies are serialised.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    /** The model of invitations, whose objects are also saved to the invitation store. */
    public static final String INVITATION_MODEL = "authentik_stages_invitation.invitation";

    /** Reports progress: {@code done} of {@code total} steps of {@code phase} (entries, flows). */
    public interface Progress {
        void step(String phase, int done, int total);
    }

    private final ModelRegistry models;
    private final ConfigurationStore store;
    private final FlowEngine engine;
    private final boolean deploy;
    private final Function<String, String> environment;
    private final Map<String, Object> context;
    private final List<Blueprint> catalog;
    private final Progress progress;
    private final InvitationStore invitations;

    /**
     * Creates an importer; {@code engine} may be null (no compile check, no deployment), and so may
     * {@code invitations} (invitation objects are then kept in the configuration only).
     */
    public Importer(ModelRegistry models, ConfigurationStore store, FlowEngine engine, boolean deploy,
            Function<String, String> environment, Map<String, Object> context, List<Blueprint> catalog, Progress progress,
            InvitationStore invitations) {
        this.models = models;
        this.store = store;
        this.engine = engine;
        this.deploy = deploy;
        this.environment = environment;
        this.context = Map.copyOf(context);
        this.catalog = List.copyOf(catalog);
        this.progress = progress;
        this.invitations = invitations;
    }

    /** Applies {@code blueprints} in order as one change when {@code commit}, else only plans it. */
    public synchronized BlueprintResult run(List<Blueprint> blueprints, boolean commit) {
        Configuration base = store.load();
        Workspace workspace = new Workspace(base);
        ImportRun run = new ImportRun(models, workspace, environment, Catalogs.of(catalog), context);
        List<BlueprintProblem> problems = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (Blueprint blueprint : blueprints) {
            YamlLoader.Loaded loaded = YamlLoader.load(blueprint.source(), blueprint.folder(), blueprint.text());
            problems.addAll(loaded.problems());
            if (loaded.ok()) {
                documents.add(loaded.document());
            }
        }
        int total = documents.stream().mapToInt(document -> document.entries().size()).sum();
        int done = 0;
        for (Document document : documents) {
            run.apply(document);
            done += document.entries().size();
            progress.step("entries", done, total);
        }
        problems.addAll(run.problems());
        if (!problems.isEmpty()) {
            return new BlueprintResult(run.changes(), problems, false, List.of(), List.of());
        }
        return finish(base, workspace, run, commit, blueprints.isEmpty() ? "" : blueprints.get(0).source());
    }

    private BlueprintResult finish(Configuration base, Workspace workspace, ImportRun run, boolean commit, String source) {
        List<BlueprintProblem> problems = new ArrayList<>();
        Locator locator = new Locator(workspace, run.origins(), source);
        Converter.Flows after = new Converter(models, workspace).flows();
        after.problems().forEach((pk, found) -> found.forEach(p -> problems.add(locator.problem(pk, p.key(), p.message()))));
        Map<String, FlowDefinition> before = new Converter(models, new Workspace(base)).flows().definitions();
        List<String> changed = after.definitions().keySet().stream().filter(slug -> changed(slug, after, before)).sorted().toList();
        List<String> removed = before.keySet().stream().filter(slug -> !after.definitions().containsKey(slug)).sorted().toList();
        check(changed, after, locator, problems);
        if (!problems.isEmpty() || !commit) {
            return new BlueprintResult(run.changes(), problems, false, problems.isEmpty() ? changed : List.of(),
                    problems.isEmpty() ? removed : List.of());
        }
        Configuration next = workspace.snapshot();
        boolean unchanged = next.objects().equals(base.objects()); // stores nothing, still deploys what the engine lacks
        if (!unchanged && !store.replace(base.version(), next)) {
            problems.add(new BlueprintProblem(source, 0, -1, "",
                    "the configuration changed while this blueprint was applied; nothing was applied, apply again"));
            return new BlueprintResult(run.changes(), problems, false, List.of(), List.of());
        }
        deploy(changed, after, removed, locator, problems);
        if (!unchanged) {
            syncInvitations(base, workspace);
        }
        return new BlueprintResult(run.changes(), problems, true, changed, removed);
    }

    /**
     * Saves the invitations this apply created or changed to the invitation store, and removes the ones
     * it deleted; unchanged ones are left alone, so that a used single-use invitation stays used.
     */
    private void syncInvitations(Configuration base, Workspace workspace) {
        if (invitations == null) {
            return;
        }
        Workspace before = new Workspace(base);
        Converter now = new Converter(models, workspace);
        Converter then = new Converter(models, before);
        for (ConfigObject object : workspace.ofModel(INVITATION_MODEL)) {
            if (!before.get(object.pk()).map(object::equals).orElse(false)) {
                invitations.save((Invitation) now.object(object.pk(), INVITATION_MODEL));
            }
        }
        for (ConfigObject object : before.ofModel(INVITATION_MODEL)) {
            if (workspace.get(object.pk()).isEmpty()) {
                invitations.consume(((Invitation) then.object(object.pk(), INVITATION_MODEL)).id());
            }
        }
    }

    private boolean changed(String slug, Converter.Flows after, Map<String, FlowDefinition> before) {
        FlowDefinition definition = after.definitions().get(slug);
        if (engine != null && deploy) {
            return !engine.definition(slug).map(definition::equals).orElse(false);
        }
        return !definition.equals(before.get(slug));
    }

    private void check(List<String> changed, Converter.Flows after, Locator locator, List<BlueprintProblem> problems) {
        if (engine == null || !problems.isEmpty()) {
            return;
        }
        int done = 0;
        for (String slug : changed) {
            try {
                engine.check(after.definitions().get(slug));
            } catch (FlowDefinitionException e) {
                e.problems().forEach(problem -> problems.add(locator.flowProblem(slug, after, problem)));
            } catch (UnsupportedOperationException e) {
                problems.add(locator.flowProblem(slug, after, "the engine cannot check flows: " + e.getMessage()));
            }
            progress.step("flows", ++done, changed.size());
        }
    }

    private void deploy(List<String> changed, Converter.Flows after, List<String> removed, Locator locator,
            List<BlueprintProblem> problems) {
        if (engine == null || !deploy) {
            return;
        }
        for (String slug : changed) {
            try {
                engine.deploy(after.definitions().get(slug));
            } catch (FlowDefinitionException e) {
                LOG.error("flow '{}' passed its check but failed to deploy: {}", slug, e.getMessage());
                e.problems().forEach(problem -> problems.add(locator.flowProblem(slug, after, problem)));
            }
        }
        removed.forEach(engine::undeploy);
    }

    /** Returns the flows of the stored configuration. */
    public Map<String, FlowDefinition> definitions() {
        return new Converter(models, new Workspace(store.load())).flows().definitions();
    }

    /** Returns the applications of the stored configuration. */
    public List<Application> applications() {
        return new Converter(models, new Workspace(store.load())).applications();
    }

    /** Returns the brands of the stored configuration. */
    public List<Brand> brands() {
        return new Converter(models, new Workspace(store.load())).brands();
    }

    /** Names where a problem of a converted object comes from: the entry that last wrote it, or the stored object. */
    private static final class Locator {
        private final Workspace workspace;
        private final Map<String, Origin> origins;
        private final String source;

        Locator(Workspace workspace, Map<String, Origin> origins, String source) {
            this.workspace = workspace;
            this.origins = origins;
            this.source = source;
        }

        BlueprintProblem problem(String pk, String key, String message) {
            Optional<ConfigObject> object = workspace.get(pk);
            String what = object.map(o -> o.model() + " " + Structural.describe(o.model(), o.fields())).orElse(pk);
            Origin origin = origins.get(pk);
            if (origin == null) {
                origin = related(pk, message);
            }
            if (origin == null) {
                return new BlueprintProblem(source, 0, -1, "", "stored " + what + (key.isEmpty() ? "" : " " + key) + ": " + message);
            }
            String keyPath = origins.containsKey(pk) ? origin.keyPath(key) : "";
            return new BlueprintProblem(origin.source(), origin.line(), origin.entry(), keyPath,
                    (origins.containsKey(pk) ? "" : what + ": ") + message);
        }

        BlueprintProblem flowProblem(String slug, Converter.Flows flows, String message) {
            String pk = flows.slugsByKey().entrySet().stream().filter(e -> e.getValue().equals(slug))
                    .map(Map.Entry::getKey).findFirst().orElse(slug);
            return problem(pk, "", message);
        }

        /**
         * Returns the origin of an object written in this import that the flow (or binding) {@code pk}
         * is made of: the stage named in {@code message} if it was written, else the earliest entry.
         */
        private Origin related(String pk, String message) {
            List<String> parts = new ArrayList<>(List.of(pk));
            for (ConfigObject object : workspace.all()) {
                if (pk.equals(object.field("target")) || parts.contains(object.field("target"))) {
                    parts.add(object.pk());
                    parts.add(String.valueOf(object.field("stage")));
                    parts.add(String.valueOf(object.field("policy")));
                }
            }
            for (String part : parts) {
                Optional<ConfigObject> object = workspace.get(part);
                if (origins.containsKey(part) && object.isPresent() && object.get().field("name") instanceof String name
                        && message.contains("'" + name + "'")) {
                    return origins.get(part);
                }
            }
            return parts.stream().map(origins::get).filter(Objects::nonNull)
                    .min(java.util.Comparator.comparingInt(Origin::entry)).orElse(null);
        }
    }

}
