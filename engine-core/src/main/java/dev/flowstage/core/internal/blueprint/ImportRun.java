package dev.flowstage.core.internal.blueprint;

import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintChange;
import dev.flowstage.core.blueprint.BlueprintProblem;
import dev.flowstage.core.blueprint.ConfigObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies the entries of blueprints to a {@link Workspace}, in order, as authentik's importer does:
 * resolves each entry's tags, evaluates its conditions, matches its identifiers, and creates,
 * updates or deletes according to its state. Collects every problem instead of stopping at the
 * first; the caller discards the workspace when there are any. Not thread-safe. Longer than most
 * classes: the per-entry state handling and meta applies share the per-document state.
 */
final class ImportRun {
    private static final int MAX_META_DEPTH = 16;

    /** Finds the blueprints that {@code authentik_blueprints.metaapplyblueprint} entries apply. */
    interface Catalog {
        Optional<Blueprint> find(String name, String path, Document from);
    }

    private final ModelRegistry models;
    private final Workspace workspace;
    private final Function<String, String> environment;
    private final Catalog catalog;
    private final Map<String, Object> instanceContext;
    private final List<BlueprintProblem> problems = new ArrayList<>();
    private final List<BlueprintChange> changes = new ArrayList<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final Deque<String> applying = new ArrayDeque<>();

    ImportRun(ModelRegistry models, Workspace workspace, Function<String, String> environment, Catalog catalog,
            Map<String, Object> instanceContext) {
        this.models = models;
        this.workspace = workspace;
        this.environment = environment;
        this.catalog = catalog;
        this.instanceContext = instanceContext;
    }

    List<BlueprintProblem> problems() {
        return problems;
    }

    List<BlueprintChange> changes() {
        return changes;
    }

    Map<String, Origin> origins() {
        return origins;
    }

    /** Applies every entry of {@code document}. */
    void apply(Document document) {
        applying.push(document.source());
        try {
            DocumentRun run = new DocumentRun(document);
            run.checkKeyOfs();
            for (Entry entry : document.entries()) {
                run.entry(entry);
            }
        } finally {
            applying.pop();
        }
    }

    private void problem(Document document, Entry entry, String key, int line, String message) {
        problems.add(new BlueprintProblem(document.source(), line > 0 ? line : entry.line(), entry.index(), key, message));
    }

    /** The state of one document's import: entry ids, the objects they made, its context. */
    private final class DocumentRun implements Resolver.Scope {
        private final Document document;
        private final Map<String, Object> context = new LinkedHashMap<>();
        private final Map<String, Integer> ids = new LinkedHashMap<>();
        private final Map<Integer, String> made = new LinkedHashMap<>();
        private final Map<Integer, String> outcome = new LinkedHashMap<>();
        private final Resolver resolver = new Resolver(this);

        DocumentRun(Document document) {
            this.document = document;
            context.put("goauthentik.io/rbac/models", models.rbacModels());
            context.put("goauthentik.io/enterprise/licensed", false);
            context.putAll(document.context());
            context.putAll(instanceContext);
        }

        /** Reports unknown ids, duplicate ids, forward references and cycles of {@code !KeyOf} before anything runs. */
        void checkKeyOfs() {
            KeyOfCheck check = new KeyOfCheck(document.entries());
            ids.putAll(check.ids());
            check.problems().forEach(problem -> {
                problems.add(problem.in(document.source()));
                outcome.put(problem.entry(), "failed");
            });
        }

        void entry(Entry entry) {
            if ("failed".equals(outcome.get(entry.index()))) {
                return;
            }
            try {
                apply(entry);
                outcome.putIfAbsent(entry.index(), "done");
            } catch (EntryProblem e) {
                problem(document, entry, e.key(), e.line(), e.getMessage());
                outcome.put(entry.index(), "failed");
            }
        }

        private void apply(Entry entry) {
            String model = modelOf(entry);
            for (int i = 0; i < entry.conditions().size(); i++) {
                if (!Values.truthy(resolver.condition(entry.conditions().get(i), "conditions[" + i + "]"))) {
                    skip(entry, model, "conditions are false");
                    return;
                }
            }
            State state = State.of(resolver.resolve(entry.state(), "state"), entry.line());
            if (model.equals(Structural.META_APPLY)) {
                metaApply(entry, state);
                return;
            }
            Map<String, Object> identifiers = map(resolver.resolve(entry.identifiers(), "identifiers"));
            if (identifiers.isEmpty()) {
                throw new EntryProblem("identifiers", entry.line(),
                        "an entry needs identifiers (such as slug for a flow, name for a stage or policy)");
            }
            Optional<ConfigObject> existing = workspace.match(model, identifiers);
            if (state == State.ABSENT) {
                absent(entry, model, existing, identifiers);
            } else if (state == State.CREATED && existing.isPresent()) {
                made.put(entry.index(), existing.get().pk());
                changes.add(change(entry, BlueprintChange.Action.SKIP, model, existing.get().fields(), List.of()));
            } else if (state == State.MUST_CREATED && existing.isPresent()) {
                throw new EntryProblem("identifiers", entry.line(), model + " "
                        + Structural.describe(model, existing.get().fields()) + " already exists (state: must_created)");
            } else {
                write(entry, model, identifiers, existing);
            }
        }

        private String modelOf(Entry entry) {
            Object model = resolver.resolve(entry.model(), "model");
            if (!(model instanceof String name)) {
                throw new EntryProblem("model", entry.line(), "model must be a string, not " + Values.typeName(model));
            }
            if (!models.known(name)) {
                throw new EntryProblem("model", entry.line(), "unknown model '" + name + "' (" + suggestions(name) + ")");
            }
            return name;
        }

        /** Returns the supported models of the same family ({@code authentik_stages_*}), or all of them. */
        private String suggestions(String name) {
            String family = name.replaceAll("^(authentik_[a-z]+)_.*$", "$1_");
            List<String> similar = models.names().stream().filter(model -> model.startsWith(family)).toList();
            return (similar.isEmpty() ? "supported: " + String.join(", ", models.names())
                    : "supported " + family + "* models: " + String.join(", ", similar));
        }

        private void skip(Entry entry, String model, String why) {
            changes.add(new BlueprintChange(document.source(), entry.index(), BlueprintChange.Action.SKIP, model,
                    "(" + why + ")", List.of()));
        }

        private void absent(Entry entry, String model, Optional<ConfigObject> existing, Map<String, Object> identifiers) {
            if (existing.isEmpty()) {
                changes.add(change(entry, BlueprintChange.Action.SKIP, model, identifiers, List.of()));
                return;
            }
            List<ConfigObject> deleted = workspace.delete(existing.get().pk());
            for (int i = 0; i < deleted.size(); i++) {
                ConfigObject object = deleted.get(i);
                changes.add(new BlueprintChange(document.source(), i == 0 ? entry.index() : -1,
                        BlueprintChange.Action.DELETE, object.model(), Structural.describe(object.model(), object.fields()),
                        List.of()));
                origins.remove(object.pk());
            }
        }

        private void write(Entry entry, String model, Map<String, Object> identifiers, Optional<ConfigObject> existing) {
            Map<String, Object> attrs = map(resolver.resolve(entry.attrs(), "attrs"));
            Map<String, Object> merged = Values.deepMerge(attrs, identifiers);
            merged.remove("pk");
            Map<String, Object> fields = new LinkedHashMap<>(existing.map(ConfigObject::fields).orElse(Map.of()));
            fields.putAll(merged);
            String pk = existing.map(ConfigObject::pk).orElseGet(() -> newKey(model, identifiers));
            ConfigObject object = new ConfigObject(pk, model, fields);
            Object meantBefore = existing.map(old -> new Converter(models, workspace).meaning(old)).orElse(null);
            workspace.put(object);
            Origin origin = new Origin(document.source(), entry.index(), entry.line(),
                    Set.copyOf(identifiers.keySet().stream().filter(key -> !attrs.containsKey(key)).toList()));
            List<AttributeReader.Problem> found = new Converter(models, workspace).problems(object);
            if (!found.isEmpty()) {
                existing.ifPresentOrElse(workspace::put, () -> workspace.delete(pk));
                found.forEach(p -> problem(document, entry, origin.keyPath(p.key()), entry.line(), p.message()));
                outcome.put(entry.index(), "failed");
                return;
            }
            made.put(entry.index(), pk);
            origins.put(pk, origin);
            if (existing.isEmpty()) {
                changes.add(change(entry, BlueprintChange.Action.CREATE, model, fields, List.of()));
            } else {
                List<String> changed = changedFields(existing.get().fields(), object.fields());
                boolean same = changed.isEmpty()
                        || (meantBefore != null && meantBefore.equals(new Converter(models, workspace).meaning(object)));
                changes.add(change(entry, same ? BlueprintChange.Action.UNCHANGED : BlueprintChange.Action.UPDATE,
                        model, fields, same ? List.of() : changed));
            }
        }

        private BlueprintChange change(Entry entry, BlueprintChange.Action action, String model,
                Map<String, Object> fields, List<String> changed) {
            return new BlueprintChange(document.source(), entry.index(), action, model,
                    Structural.describe(model, fields), changed);
        }

        private void metaApply(Entry entry, State state) {
            Map<String, Object> attrs = map(resolver.resolve(entry.attrs(), "attrs"));
            for (String key : attrs.keySet()) {
                if (!key.equals("identifiers") && !key.equals("required")) {
                    throw new EntryProblem("attrs." + key, entry.line(), "unknown attribute '" + key + "' of "
                            + Structural.META_APPLY + " (known: [identifiers, required])");
                }
            }
            Map<String, Object> target = attrs.get("identifiers") instanceof Map<?, ?> m ? map(m) : Map.of();
            Object name = target.get("name");
            Object path = target.get("path");
            if (state != State.PRESENT || (name == null && path == null)) {
                throw new EntryProblem("attrs.identifiers", entry.line(),
                        "a meta apply needs identifiers with a name or a path, and state present");
            }
            boolean required = !(attrs.get("required") instanceof Boolean flag) || flag;
            Optional<Blueprint> found = catalog.find(name == null ? null : String.valueOf(name),
                    path == null ? null : String.valueOf(path), document);
            if (found.isEmpty()) {
                if (required) {
                    throw new EntryProblem("attrs.identifiers", entry.line(), "required blueprint " + target + " does not exist");
                }
                skip(entry, Structural.META_APPLY, "blueprint " + target + " not found, not required");
                return;
            }
            nested(entry, found.get());
        }

        private void nested(Entry entry, Blueprint blueprint) {
            if (applying.contains(blueprint.source()) || applying.size() >= MAX_META_DEPTH) {
                throw new EntryProblem("attrs.identifiers", entry.line(), "blueprint " + blueprint.source()
                        + " is already being applied (meta apply cycle: " + String.join(" <- ", applying) + ")");
            }
            YamlLoader.Loaded loaded = YamlLoader.load(blueprint.source(), blueprint.folder(), blueprint.text());
            if (!loaded.ok()) {
                problems.addAll(loaded.problems());
                throw new EntryProblem("attrs.identifiers", entry.line(), "the applied blueprint " + blueprint.source()
                        + " is invalid");
            }
            int before = problems.size();
            ImportRun.this.apply(loaded.document());
            if (problems.size() > before) {
                throw new EntryProblem("attrs.identifiers", entry.line(), "the applied blueprint " + blueprint.source()
                        + " has problems");
            }
        }

        @Override
        public Document document() {
            return document;
        }

        @Override
        public Map<String, Object> context() {
            return context;
        }

        @Override
        public Function<String, String> environment() {
            return environment;
        }

        @Override
        public String keyOf(String id, String path, int line) {
            Integer index = ids.get(id);
            if (index == null) {
                throw new EntryProblem(path, line, "!KeyOf '" + id + "': no entry has id '" + id + "'");
            }
            String pk = made.get(index);
            if (pk != null) {
                return pk;
            }
            String why = "failed".equals(outcome.get(index)) ? "failed (see its problem)"
                    : "done".equals(outcome.get(index)) ? "created no object (its conditions are false or it is absent)"
                    : "has not been applied yet";
            throw new EntryProblem(path, line, "!KeyOf '" + id + "': entries[" + index + "] " + why);
        }

        @Override
        public Workspace workspace() {
            return workspace;
        }

        @Override
        public ModelRegistry models() {
            return models;
        }
    }

    /** Returns a key derived from the model and identifiers, so that the same blueprint creates the same keys. */
    private String newKey(String model, Map<String, Object> identifiers) {
        Object explicit = identifiers.get("pk");
        if (explicit != null) {
            return String.valueOf(explicit);
        }
        Map<String, Object> sorted = new TreeMap<>(identifiers);
        String seed = model + "|" + sorted;
        String pk = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        for (int n = 2; workspace.get(pk).isPresent(); n++) {
            pk = UUID.nameUUIDFromBytes((seed + "#" + n).getBytes(StandardCharsets.UTF_8)).toString();
        }
        return pk;
    }

    private static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(key -> !Values.same(before.get(key), after.get(key))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) value);
    }

    /** An entry's desired state. */
    private enum State {
        PRESENT, CREATED, MUST_CREATED, ABSENT;

        static State of(Object value, int line) {
            if (value == null) {
                return PRESENT;
            }
            for (State state : values()) {
                if (state.name().toLowerCase(java.util.Locale.ROOT).equals(value)) {
                    return state;
                }
            }
            throw new EntryProblem("state", line, "state '" + value + "' is not one of [present, created, must_created, absent]");
        }
    }
}
