package dev.flowstage.stages.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.User;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.MiniJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates prompt challenges against {@code PromptChallenge} of the protocol schema, recursively
 * ({@code StagePrompt}, {@code PromptChoice}, {@code PromptTypeEnum}, {@code ErrorDetail}): required
 * properties, no undeclared ones, types, nullability and enums. The schema is found in the
 * {@code shared/conformance} folder of the nearest ancestor directory (so the test runs from a
 * worktree too), or at the system property {@code flowstage.conformance.schema}. With the system
 * property {@code flowstage.transcripts} the challenges are also written there for the ajv checker.
 */
class PromptConformanceTest {
    private static final String SCHEMA_FILE = "shared/conformance/authentik-flow-protocol.json";
    private static final List<Map<String, Object>> TRANSCRIPT = new ArrayList<>();
    private static Map<String, Object> schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = schemaFile().orElse(null);
        assertThat(file).as("no %s above %s", SCHEMA_FILE, Path.of("").toAbsolutePath()).isNotNull();
        schema = asMap(MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void writeTranscript() throws IOException {
        String folder = System.getProperty("flowstage.transcripts");
        if (folder != null && !folder.isBlank()) {
            Path file = Path.of(folder).resolve("prompt-challenges.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, MiniJson.write(TRANSCRIPT), StandardCharsets.UTF_8);
        }
    }

    private static Optional<Path> schemaFile() {
        String configured = System.getProperty("flowstage.conformance.schema");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCHEMA_FILE))) {
                return Optional.of(dir.resolve(SCHEMA_FILE));
            }
        }
        return Optional.empty();
    }

    static List<Object[]> challenges() {
        PromptStage stage = new PromptStage();
        PromptConfig all = PromptConfig.of().withFields(Fields.ALL);
        PromptContext typed = PromptContext.of(all).pending(User.of("u-1", "ann", "ann@example.com"))
                .withPromptData(Map.of("age", 42L, "terms", true, "birthday", "1990-05-17", "country__choices",
                        List.of(Map.of("label", "Italy", "value", "IT"), 7L, true)));
        PromptField expressions = Fields.NAME.withPlaceholderExpression("user.attributes").withInitialValueExpression(
                "user.groups");
        PromptContext invalid = PromptContext.of(PromptSubmitTest.lengthChecked());
        StageResult rejected = stage.submit(invalid, ChallengeResponse.of(Map.of("password", "a", "password_repeat", "b")));
        return List.of(
                named("no fields", stage.challenge(PromptContext.of(PromptConfig.defaults()))),
                named("every field type", stage.challenge(PromptContext.of(all))),
                named("typed prompt data and odd choices", stage.challenge(typed)),
                named("expressions returning lists and maps", stage.challenge(PromptContext.of(expressions)
                        .pending(User.of("u-1", "ann", "")))),
                named("with response errors", stage.challenge(invalid)
                        .withErrors(((StageResult.Invalid) rejected).errors())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void challenge_ofPromptStage_validatesAgainstPromptChallenge(String name, Challenge challenge) {
        Map<String, Object> wire = wire(challenge);
        Object definition = asMap(schema.get("challenges")).get(challenge.component());

        List<String> problems = new ArrayList<>();
        validate(wire, Map.of("$ref", "#/$defs/" + definition), "$", problems);

        assertThat(problems).as("%s: %s", name, MiniJson.write(wire)).isEmpty();
        TRANSCRIPT.add(wire);
    }

    private static Map<String, Object> wire(Challenge challenge) {
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

    /** Adds the problems of {@code value} against {@code node} (a schema object) at {@code path}. */
    private static void validate(Object value, Map<String, Object> node, String path, List<String> problems) {
        if (node.containsKey("$ref")) {
            String ref = node.get("$ref").toString();
            validate(value, asMap(asMap(schema.get("$defs")).get(ref.substring(ref.lastIndexOf('/') + 1))), path, problems);
            return;
        }
        if (node.containsKey("anyOf") || node.containsKey("allOf")) {
            validateCombined(value, node, path, problems);
            return;
        }
        if (value == null) {
            if (!Boolean.TRUE.equals(node.get("nullable")) && !"null".equals(node.get("type"))) {
                problems.add(path + " is null");
            }
            return;
        }
        if (node.containsKey("enum") && !asList(node.get("enum")).contains(value)) {
            problems.add(path + " = " + value + " is not one of " + node.get("enum"));
        }
        validateType(value, node, path, problems);
    }

    private static void validateCombined(Object value, Map<String, Object> node, String path, List<String> problems) {
        boolean any = node.containsKey("anyOf");
        List<Object> options = asList(node.getOrDefault("anyOf", node.get("allOf")));
        long passing = options.stream().filter(option -> {
            List<String> found = new ArrayList<>();
            validate(value, asMap(option), path, found);
            return found.isEmpty();
        }).count();
        if (any ? passing == 0 : passing < options.size()) {
            problems.add(path + " does not match " + (any ? "any" : "all") + " of " + options);
        }
    }

    private static void validateType(Object value, Map<String, Object> node, String path, List<String> problems) {
        String type = String.valueOf(node.get("type"));
        switch (type) {
            case "string": check(value instanceof String, path, type, problems); break;
            case "boolean": check(value instanceof Boolean, path, type, problems); break;
            case "integer": check(value instanceof Integer || value instanceof Long, path, type, problems); break;
            case "number": check(value instanceof Number, path, type, problems); break;
            case "array": validateArray(value, node, path, problems); break;
            case "object": validateObject(value, node, path, problems); break;
            default: problems.add(path + ": unsupported schema type " + type);
        }
    }

    private static void validateArray(Object value, Map<String, Object> node, String path, List<String> problems) {
        if (!(value instanceof List<?> list)) {
            problems.add(path + " is not an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            validate(list.get(i), asMap(node.get("items")), path + "[" + i + "]", problems);
        }
    }

    private static void validateObject(Object value, Map<String, Object> node, String path, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path + " is not an object");
            return;
        }
        Map<String, Object> properties = asMap(node.getOrDefault("properties", Map.of()));
        for (Object required : asList(node.getOrDefault("required", List.of()))) {
            if (!map.containsKey(required)) {
                problems.add(path + " lacks required " + required);
            }
        }
        map.forEach((key, item) -> {
            if (properties.containsKey(key)) {
                validate(item, asMap(properties.get(key)), path + "." + key, problems);
            } else if (node.get("additionalProperties") instanceof Map<?, ?> additional) {
                validate(item, asMap(additional), path + "." + key, problems);
            } else {
                problems.add(path + "." + key + " is not declared");
            }
        });
    }

    private static void check(boolean ok, String path, String type, List<String> problems) {
        if (!ok) {
            problems.add(path + " is not a " + type);
        }
    }

    private static Object[] named(String name, Challenge challenge) {
        return new Object[] {name, challenge};
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }
}
