package dev.flowstage.stages.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.User;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.MiniJson;
import dev.flowstage.stages.testing.ProtocolSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates prompt challenges against {@code PromptChallenge} of the protocol schema
 * ({@link ProtocolSchema}), recursively ({@code StagePrompt}, {@code PromptChoice},
 * {@code PromptTypeEnum}, {@code ErrorDetail}): required properties, no undeclared ones, types,
 * nullability and enums. With the system property {@code flowstage.transcripts} the challenges are
 * also written there for the ajv checker.
 */
class PromptConformanceTest {
    private static final ProtocolSchema SCHEMA = ProtocolSchema.load();
    private static final List<Map<String, Object>> TRANSCRIPT = new ArrayList<>();

    @AfterAll
    static void writeTranscript() {
        ProtocolSchema.writeTranscript("prompt-challenges.json", TRANSCRIPT);
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
        Map<String, Object> wire = ProtocolSchema.wire(challenge);

        assertThat(SCHEMA.problems(wire)).as("%s: %s", name, MiniJson.write(wire)).isEmpty();
        TRANSCRIPT.add(wire);
    }

    @Test
    void schema_reportsAnUndeclaredNestedFieldAndANonIntegralOrder() {
        Map<String, Object> wire = new LinkedHashMap<>(ProtocolSchema.wire(
                new PromptStage().challenge(PromptContext.of(PromptConfig.of().withFields(List.of(Fields.NAME))))));
        Map<String, Object> field = new LinkedHashMap<>();
        ((Map<?, ?>) ((List<?>) wire.get("fields")).get(0)).forEach((key, value) -> field.put(String.valueOf(key), value));
        field.put("surprise", true);
        field.put("order", 1.5);
        wire.put("fields", List.of(field));

        assertThat(SCHEMA.problems(wire)).hasSize(2).anyMatch(problem -> problem.contains("surprise"))
                .anyMatch(problem -> problem.contains("order"));
    }

    private static Object[] named(String name, Challenge challenge) {
        return new Object[] {name, challenge};
    }
}
