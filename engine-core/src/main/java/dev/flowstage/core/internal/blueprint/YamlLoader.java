package dev.flowstage.core.internal.blueprint;

import dev.flowstage.core.blueprint.BlueprintProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loads blueprint YAML into a {@link Document}: composes the node tree with snakeyaml-engine
 * (YAML 1.2 core schema, so {@code True} is a boolean as in authentik's files), constructs plain
 * scalars with its constructors, and turns the blueprint tags into {@link TagNode}s. Unknown tags,
 * duplicate keys and unknown document or entry keys are problems naming the entry and key.
 */
final class YamlLoader {
    private static final int MAX_DEPTH = 64;
    private static final String STANDARD_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> STANDARD_TAGS = Set.of("str", "int", "float", "bool", "null", "seq", "map");
    private static final Set<String> DOCUMENT_KEYS = Set.of("version", "metadata", "context", "entries");
    private static final Set<String> ENTRY_KEYS =
            Set.of("model", "id", "state", "conditions", "identifiers", "attrs", "permissions");

    /** The result of loading: a document when there were no problems. */
    record Loaded(Document document, List<BlueprintProblem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final String source;
    private final List<BlueprintProblem> problems = new ArrayList<>();
    private final ScalarConstructor scalars;
    private final LoadSettings settings;
    private int entry = -1;

    private YamlLoader(String source) {
        this.source = source;
        this.settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema())
                .setMaxAliasesForCollections(50).setCodePointLimit(4 * 1024 * 1024).build();
        this.scalars = new ScalarConstructor(settings);
    }

    /** Loads {@code text}; problems name {@code source}. */
    static Loaded load(String source, Path folder, String text) {
        return new YamlLoader(source).document(folder, text);
    }

    private Loaded document(Path folder, String text) {
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            problem(line(e.getProblemMark().or(e::getContextMark)), "", "invalid YAML: " + e.getProblem().trim());
            return new Loaded(null, problems);
        } catch (YamlEngineException e) {
            problem(0, "", "invalid YAML: " + e.getMessage());
            return new Loaded(null, problems);
        }
        if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
            problem(root.map(YamlLoader::line).orElse(0), "", "a blueprint must be a mapping with version and entries");
            return new Loaded(null, problems);
        }
        Document document = top(mapping, folder);
        return new Loaded(problems.isEmpty() ? document : null, List.copyOf(problems));
    }

    private Document top(MappingNode root, Path folder) {
        Map<String, Node> keys = keys(root, "");
        keys.keySet().stream().filter(key -> !DOCUMENT_KEYS.contains(key)).forEach(key -> problem(line(keys.get(key)), key,
                "unknown key (a blueprint has " + sorted(DOCUMENT_KEYS) + ")"));
        Object version = keys.containsKey("version") ? walk(keys.get("version"), "version", 0) : null;
        if (!(version instanceof Long number) || number != 1L) {
            problem(keys.containsKey("version") ? line(keys.get("version")) : line(root), "version",
                    "blueprint version must be 1, got " + version);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        String name = metadata(keys.get("metadata"), labels);
        Map<String, Object> context = new LinkedHashMap<>();
        if (keys.containsKey("context")) {
            Object value = walk(keys.get("context"), "context", 0);
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> context.put((String) key, item));
            } else if (value != null) {
                problem(line(keys.get("context")), "context", "context must be a mapping, not " + Values.typeName(value));
            }
        }
        return new Document(source, folder, name, labels, context, entries(keys.get("entries"), root));
    }

    private String metadata(Node node, Map<String, String> labels) {
        if (node == null) {
            return "";
        }
        Object value = walk(node, "metadata", 0);
        if (!(value instanceof Map<?, ?> map)) {
            problem(line(node), "metadata", "metadata must be a mapping with name and labels");
            return "";
        }
        map.keySet().stream().filter(key -> !key.equals("name") && !key.equals("labels"))
                .forEach(key -> problem(line(node), "metadata." + key, "unknown key (metadata has [labels, name])"));
        if (map.get("labels") instanceof Map<?, ?> given) {
            given.forEach((key, label) -> labels.put(String.valueOf(key), String.valueOf(label)));
        } else if (map.get("labels") != null) {
            problem(line(node), "metadata.labels", "labels must be a mapping of strings");
        }
        Object name = map.get("name");
        if (name != null && !(name instanceof String)) {
            problem(line(node), "metadata.name", "name must be a string, not " + Values.typeName(name));
        }
        return name instanceof String text ? text : "";
    }

    private List<Entry> entries(Node node, Node root) {
        List<Node> items = new ArrayList<>();
        if (node == null) {
            problem(line(root), "entries", "a blueprint needs entries");
        } else if (node instanceof SequenceNode sequence) {
            items.addAll(sequence.getValue());
        } else if (node instanceof MappingNode sections) {
            for (NodeTuple section : sections.getValue()) {
                if (section.getValueNode() instanceof SequenceNode sequence) {
                    items.addAll(sequence.getValue());
                } else {
                    problem(line(section.getValueNode()), "entries", "each section of entries must be a list");
                }
            }
        } else {
            problem(line(node), "entries", "entries must be a list, or a mapping of section names to lists");
        }
        List<Entry> entries = new ArrayList<>();
        for (Node item : items) {
            entry = entries.size();
            entries.add(entry(item));
        }
        entry = -1;
        return entries;
    }

    private Entry entry(Node node) {
        int line = line(node);
        if (!(node instanceof MappingNode mapping)) {
            problem(line, "", "an entry must be a mapping with model, identifiers and attrs");
            return new Entry(entry, line, null, null, null, List.of(), Map.of(), Map.of());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        keys(mapping, "").forEach((key, value) -> {
            if (!ENTRY_KEYS.contains(key)) {
                problem(line(value), key, "unknown entry key (an entry has " + sorted(ENTRY_KEYS) + ")");
            } else {
                values.put(key, walk(value, key, 0));
            }
        });
        if (values.get("permissions") instanceof List<?> list && !list.isEmpty()) {
            problem(line, "permissions", "object permissions are not supported");
        }
        Object id = values.get("id");
        if (id != null && !(id instanceof String)) {
            problem(line, "id", "id must be a string, not " + Values.typeName(id));
        }
        if (values.get("model") == null) {
            problem(line, "model", "an entry needs a model");
        }
        return new Entry(entry, line, values.get("model"), id instanceof String text ? text : null, values.get("state"),
                list(values.get("conditions"), line, "conditions"), map(values.get("identifiers"), line, "identifiers"),
                map(values.get("attrs"), line, "attrs"));
    }

    private List<Object> list(Object value, int line, String key) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        problem(line, key, key + " must be a list, not " + Values.typeName(value));
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, int line, String key) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problem(line, key, key + " must be a mapping, not " + Values.typeName(value));
        return Map.of();
    }

    private Object walk(Node node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            problem(line(node), path, "nested deeper than " + MAX_DEPTH + " levels");
            return null;
        }
        String tag = node.getTag().getValue();
        Object value = plain(node, path, depth);
        if (tag.startsWith(STANDARD_PREFIX)) {
            if (!STANDARD_TAGS.contains(tag.substring(STANDARD_PREFIX.length()))) {
                problem(line(node), path, "YAML tag !!" + tag.substring(STANDARD_PREFIX.length()) + " is not supported");
            }
            return value;
        }
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        if (!Tags.known(name)) {
            problem(line(node), path, "unknown tag '" + tag + "' (known tags: " + String.join(", ", Tags.names()) + ")");
            return null;
        }
        String shape = Tags.shapeProblem(name, value);
        if (shape != null) {
            problem(line(node), path, shape);
        }
        return new TagNode(name, value, line(node));
    }

    private Object plain(Node node, String path, int depth) {
        if (node instanceof ScalarNode scalar) {
            if (!scalar.getTag().getValue().startsWith(STANDARD_PREFIX)) {
                return scalar.getValue();
            }
            try {
                return Values.immutable(scalars.read(scalar));
            } catch (RuntimeException e) {
                problem(line(node), path, "invalid scalar '" + scalar.getValue() + "'");
                return null;
            }
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                list.add(walk(sequence.getValue().get(i), path + "[" + i + "]", depth + 1));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        keys((MappingNode) node, path).forEach((key, value) -> map.put(key, walk(value, join(path, key), depth + 1)));
        return map;
    }

    /** Returns the keys of {@code mapping} as strings, reporting duplicate and non-scalar keys; resolves {@code <<} merges. */
    private Map<String, Node> keys(MappingNode mapping, String path) {
        Map<String, Node> keys = new LinkedHashMap<>();
        Map<Node, Boolean> merged = new IdentityHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (key.getTag().equals(Tag.MERGE)) {
                merge(tuple.getValueNode(), keys, merged, path);
                continue;
            }
            if (!(key instanceof ScalarNode scalar) || !scalar.getTag().getValue().startsWith(STANDARD_PREFIX)) {
                problem(line(key), path, "mapping keys must be plain scalars");
                continue;
            }
            if (keys.containsKey(scalar.getValue()) && !merged.containsKey(keys.get(scalar.getValue()))) {
                problem(line(key), join(path, scalar.getValue()), "duplicate key");
            }
            keys.put(scalar.getValue(), tuple.getValueNode());
        }
        return keys;
    }

    private void merge(Node value, Map<String, Node> keys, Map<Node, Boolean> merged, String path) {
        List<Node> sources = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
        for (Node merge : sources) {
            if (!(merge instanceof MappingNode mapping)) {
                problem(line(merge), path, "a << merge takes a mapping or a list of mappings");
                continue;
            }
            keys(mapping, path).forEach((key, node) -> {
                if (keys.putIfAbsent(key, node) == null) {
                    merged.put(node, Boolean.TRUE);
                }
            });
        }
    }

    private void problem(int line, String key, String message) {
        problems.add(new BlueprintProblem(source, line, entry, key, message));
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static int line(Node node) {
        return line(node.getStartMark());
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    private static String sorted(Set<String> keys) {
        return keys.stream().sorted().toList().toString();
    }

    /** Constructs plain scalars (strings, integers, floats, booleans, null) with snakeyaml-engine's core schema constructors. */
    private static final class ScalarConstructor extends StandardConstructor {
        ScalarConstructor(LoadSettings settings) {
            super(settings);
        }

        Object read(ScalarNode node) {
            return constructObject(node);
        }
    }
}
