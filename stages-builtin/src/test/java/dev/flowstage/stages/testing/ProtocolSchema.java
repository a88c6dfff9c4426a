package dev.flowstage.stages.testing;

import dev.flowstage.api.Challenge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The protocol schema of {@code shared/conformance} and the one checker the conformance tests use
 * for challenge JSON: required fields, types, nullability and enums, recursively through
 * {@code $ref}, {@code anyOf}/{@code allOf}, array items and nested objects. Stricter than JSON
 * Schema on purpose: an object that declares {@code properties} and no {@code additionalProperties}
 * accepts no other field, integers must be integral Java numbers, and a type the checker does not
 * know is a problem. Found by walking up from the module directory to a folder that has
 * {@code shared/conformance/authentik-flow-protocol.json}, so it also works from a git worktree.
 */
public final class ProtocolSchema {
    private static final String FILE = "shared/conformance/authentik-flow-protocol.json";
    private static final Set<String> KNOWN_TYPES = Set.of("string", "boolean", "array", "object", "integer", "number");
    private final Map<String, Object> schema;

    private ProtocolSchema(Map<String, Object> schema) {
        this.schema = schema;
    }

    /**
     * Loads the schema.
     *
     * @throws IllegalStateException naming where it looked when no ancestor folder has it
     */
    public static ProtocolSchema load() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                try {
                    return new ProtocolSchema(map(MiniJson.parse(Files.readString(candidate, StandardCharsets.UTF_8))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no " + FILE + " in " + start + " or any folder above it");
    }

    /** Returns whether the schema declares a challenge for {@code component}. */
    public boolean knows(String component) {
        return map(schema.get("challenges")).containsKey(component);
    }

    /** Returns the problems of {@code challenge} (protocol JSON as maps) against its component's schema; empty when it conforms. */
    public List<String> problems(Map<String, Object> challenge) {
        Object name = map(schema.get("challenges")).get(String.valueOf(challenge.get("component")));
        if (name == null) {
            return List.of("the schema has no challenge for component " + challenge.get("component"));
        }
        List<String> problems = new ArrayList<>();
        check(challenge, definition(name.toString()), String.valueOf(name), problems);
        return problems;
    }

    /** Returns {@code challenge} as the JSON object the engine writes, without the {@code flow_info} the engine adds. */
    public static Map<String, Object> wire(Challenge challenge) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("component", challenge.component());
        if (!challenge.responseErrors().isEmpty()) {
            json.put("response_errors", challenge.responseErrors().asMap().entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, entry -> entry.getValue().stream()
                            .map(error -> Map.of("string", error.string(), "code", error.code())).toList())));
        }
        json.putAll(challenge.fields());
        return json;
    }

    /**
     * Writes {@code challenges} as one JSON array to {@code fileName} in the {@code flowstage.transcripts}
     * folder, for the shared ajv checker; does nothing when the property is not set.
     */
    public static void writeTranscript(String fileName, List<Map<String, Object>> challenges) {
        String folder = System.getProperty("flowstage.transcripts");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path file = Path.of(folder).resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MiniJson.write(challenges), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(Object value, Map<String, Object> property, String path, List<String> problems) {
        if (property.containsKey("$ref")) {
            String ref = property.get("$ref").toString();
            check(value, definition(ref.substring(ref.lastIndexOf('/') + 1)), path, problems);
        } else if (property.containsKey("anyOf")) {
            boolean any = list(property.get("anyOf")).stream().anyMatch(option -> {
                List<String> inner = new ArrayList<>();
                check(value, map(option), path, inner);
                return inner.isEmpty();
            });
            if (!any) {
                problems.add(path + ": matches none of " + property.get("anyOf"));
            }
        } else if (property.containsKey("allOf")) {
            list(property.get("allOf")).forEach(option -> check(value, map(option), path, problems));
        } else if (value == null) {
            if (!Boolean.TRUE.equals(property.get("nullable")) && !"null".equals(property.get("type"))) {
                problems.add(path + ": null is not allowed");
            }
        } else if (property.containsKey("enum") && !list(property.get("enum")).contains(value)) {
            problems.add(path + ": " + value + " is not one of " + property.get("enum"));
        } else {
            checkTyped(value, property, path, problems);
        }
    }

    private void checkTyped(Object value, Map<String, Object> property, String path, List<String> problems) {
        if (!property.containsKey("type")) {
            return; // {} or a bare description: anything goes
        }
        String type = String.valueOf(property.get("type"));
        if (!KNOWN_TYPES.contains(type)) {
            problems.add(path + ": unsupported schema type " + type);
            return;
        }
        if (!matchesType(value, type)) {
            problems.add(path + ": " + value + " is not of type " + type);
            return;
        }
        if (value instanceof List<?> items && property.containsKey("items")) {
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), map(property.get("items")), path + "[" + i + "]", problems);
            }
        }
        if (value instanceof Map<?, ?> object) {
            checkObject(object, property, path, problems);
        }
    }

    private void checkObject(Map<?, ?> object, Map<String, Object> property, String path, List<String> problems) {
        Map<String, Object> properties = map(property.getOrDefault("properties", Map.of()));
        for (Object required : list(property.getOrDefault("required", List.of()))) {
            if (!object.containsKey(required)) {
                problems.add(path + ": required field " + required + " is missing");
            }
        }
        object.forEach((key, item) -> {
            if (properties.containsKey(key)) {
                check(item, map(properties.get(key)), path + "." + key, problems);
            } else if (property.get("additionalProperties") instanceof Map<?, ?> additional) {
                check(item, map(additional), path + "." + key, problems);
            } else if (property.containsKey("properties")) {
                problems.add(path + "." + key + ": not declared");
            }
        });
    }

    private Map<String, Object> definition(String name) {
        return map(map(schema.get("$defs")).get(name));
    }

    private static boolean matchesType(Object value, String type) {
        switch (type) {
            case "string": return value instanceof String;
            case "boolean": return value instanceof Boolean;
            case "array": return value instanceof List;
            case "object": return value instanceof Map;
            case "integer": return value instanceof Integer || value instanceof Long;
            case "number": return value instanceof Number;
            default: return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
