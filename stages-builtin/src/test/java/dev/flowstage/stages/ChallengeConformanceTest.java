package dev.flowstage.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.dummy.DummyStage;
import dev.flowstage.stages.email.EmailChallenges;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.password.PasswordStage;
import dev.flowstage.stages.redirect.RedirectConfig;
import dev.flowstage.stages.redirect.RedirectStage;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MiniJson;
import dev.flowstage.stages.testing.TestContext;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userlogin.UserLoginStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every built-in challenge against the protocol schema in {@code ../shared/conformance}: required
 * fields present, no undeclared fields, declared types (and nullability) respected. Also writes the
 * challenges to the {@code flowstage.transcripts} folder for the shared ajv checker.
 */
class ChallengeConformanceTest {
    private static final Path SCHEMA = locateSchema();
    private static final List<Map<String, Object>> TRANSCRIPT = new ArrayList<>();
    private static Map<String, Object> schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        assertThat(Files.isRegularFile(SCHEMA))
                .as("the conformance schema must exist at %s (resolved from the module directory %s); "
                        + "it lives in the shared folder beside the repository", SCHEMA.toAbsolutePath().normalize(),
                        Path.of("").toAbsolutePath())
                .isTrue();
        schema = asMap(MiniJson.parse(Files.readString(SCHEMA, StandardCharsets.UTF_8)));
    }

    /** Returns the schema in the nearest {@code shared/conformance} folder above the module (works from git worktrees too). */
    private static Path locateSchema() {
        Path relative = Path.of("shared", "conformance", "authentik-flow-protocol.json");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return Path.of("../../shared/conformance/authentik-flow-protocol.json");
    }

    @AfterAll
    static void writeTranscript() throws IOException {
        String folder = System.getProperty("flowstage.transcripts");
        if (folder != null && !folder.isBlank()) {
            Path file = Path.of(folder).resolve("stages-builtin-challenges.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, MiniJson.write(TRANSCRIPT), StandardCharsets.UTF_8);
        }
    }

    static List<Object[]> challenges() {
        var alice = PendingUser.of(Fixtures.alice());
        var fullIdentification = IdentificationConfig.defaults().withPasswordField(true).withEnrollmentFlow("sign-up")
                .withRecoveryFlow("recover").withPasswordlessFlow("passkey").withShowMatchedUser(false);
        List<Challenge> email = EmailChallenges.journey();
        return List.of(
                named("email on arrival", email.get(0)),
                named("email after a resend", email.get(1)),
                named("email after a bad token", email.get(2)),
                named("email over the resend limit", email.get(3)),
                named("consent for a mailed link", email.get(4)),
                named("email after a failed send", email.get(5)),
                named("identification defaults", new IdentificationStage().challenge(
                        TestContext.of(IdentificationConfig.defaults()))),
                named("identification everything", new IdentificationStage().challenge(
                        TestContext.of(fullIdentification).designated(Designation.ENROLLMENT)
                                .with(ContextKeys.PENDING_USER_IDENTIFIER, "alice@example.com"))),
                named("password", new PasswordStage().challenge(
                        TestContext.of(PasswordConfig.defaults()).with(ContextKeys.PENDING_USER, alice))),
                named("password with errors, no user", new PasswordStage().challenge(TestContext.of(PasswordConfig.defaults()))
                        .withErrors(ResponseErrors.of("password", new ErrorDetail("Invalid password", "invalid")))),
                named("user login", new UserLoginStage().challenge(
                        TestContext.of(UserLoginConfig.defaults().withRememberMeOffset(Duration.ofDays(1)))
                                .with(ContextKeys.PENDING_USER, alice))),
                named("dummy", new DummyStage().challenge(TestContext.of(DummyConfig.defaults()).named("dummy"))),
                named("redirect static", new RedirectStage().challenge(TestContext.of(RedirectConfig.toStatic("/if/user/")))),
                named("redirect flow", new RedirectStage().challenge(TestContext.of(RedirectConfig.toFlow("enroll")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void challenge_ofBuiltinStage_hasEveryRequiredFieldOfItsSchema(String name, Challenge challenge) {
        Map<String, Object> definition = definitionOf(challenge.component());
        List<Object> required = asList(definition.getOrDefault("required", List.of()));

        assertThat(wire(challenge).keySet()).as("%s (%s) against the schema's required fields", name, challenge.component())
                .containsAll(required.stream().map(Object::toString).toList());
        TRANSCRIPT.add(wire(challenge));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void challenge_ofBuiltinStage_declaresEveryFieldWithItsSchemaType(String name, Challenge challenge) {
        Map<String, Object> properties = asMap(definitionOf(challenge.component()).get("properties"));

        wire(challenge).forEach((field, value) -> {
            assertThat(properties).as("%s: field '%s' is not in the schema", name, field).containsKey(field);
            assertThat(matches(value, asMap(properties.get(field))))
                    .as("%s: field '%s' = %s does not match %s", name, field, value, properties.get(field)).isTrue();
        });
    }

    private static Object[] named(String name, Challenge challenge) {
        return new Object[] {name, challenge};
    }

    /** Returns the challenge as the JSON object the engine writes (without flow_info, which the engine adds). */
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

    private static Map<String, Object> definitionOf(String component) {
        Object name = asMap(schema.get("challenges")).get(component);
        assertThat(name).as("the schema has no challenge for component %s", component).isNotNull();
        return asMap(asMap(schema.get("$defs")).get(name.toString()));
    }

    private static boolean matches(Object value, Map<String, Object> property) {
        if (property.containsKey("$ref")) {
            String ref = property.get("$ref").toString();
            return matches(value, asMap(asMap(schema.get("$defs")).get(ref.substring(ref.lastIndexOf('/') + 1))));
        }
        if (property.containsKey("anyOf")) {
            return asList(property.get("anyOf")).stream().anyMatch(option -> matches(value, asMap(option)));
        }
        if (property.containsKey("allOf")) {
            return asList(property.get("allOf")).stream().allMatch(option -> matches(value, asMap(option)));
        }
        if (value == null) {
            return Boolean.TRUE.equals(property.get("nullable")) || "null".equals(property.get("type"));
        }
        if (property.containsKey("enum")) {
            return asList(property.get("enum")).contains(value);
        }
        return matchesType(value, String.valueOf(property.get("type")));
    }

    private static boolean matchesType(Object value, String type) {
        switch (type) {
            case "string": return value instanceof String;
            case "boolean": return value instanceof Boolean;
            case "array": return value instanceof List;
            case "object": return value instanceof Map;
            case "integer": case "number": return value instanceof Number;
            default: return false;
        }
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
