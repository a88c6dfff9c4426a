package dev.flowstage.stages.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.spi.StageResult;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * For any submission (each field absent, well-formed or junk, plus unknown keys), the prompt stage
 * either proceeds with prompt data that satisfies every rule, or rejects with errors and changes
 * nothing; it never throws. For any prompt data, its challenge has the protocol's shape.
 */
class PromptSubmissionProperties {
    private static final Object ABSENT = new Object();
    private static final PromptConfig CONFIG = PromptSubmitTest.lengthChecked().withFields(Fields.ALL);
    private static final User TAKEN = User.of("u-taken", "taken", "taken@example.com");

    @Property
    void submit_anySubmission_proceedsWithValidPromptDataOrRejectsWithErrors(
            @ForAll("submissions") Map<String, Object> submission) {
        PromptContext ctx = PromptContext.of(CONFIG).withUser(TAKEN).withPromptData(Map.of("invited_by", "bob"));
        FlowContext before = ctx.context();

        StageResult result = ctx.apply(new PromptStage().submit(ctx, new ChallengeResponse(submission)));

        Statistics.label("outcome").collect(result.getClass().getSimpleName())
                .coverage(coverage -> coverage.check("Proceed").percentage(percent -> percent > 5));
        if (result instanceof StageResult.Invalid invalid) {
            assertThat(invalid.errors().isEmpty()).isFalse();
            assertThat(ctx.context()).isEqualTo(before);
        } else {
            assertThat(result).isInstanceOf(StageResult.Proceed.class);
            assertSatisfiesEveryRule(ctx.promptData());
        }
    }

    @Property
    void challenge_anyPromptData_hasTheProtocolShape(@ForAll("promptData") Map<String, Object> promptData) {
        PromptContext ctx = PromptContext.of(CONFIG).withPromptData(promptData);

        Challenge challenge = new PromptStage().challenge(ctx);

        assertThat(PromptChallengeTest.fields(challenge)).hasSize(Fields.ALL.size()).allSatisfy(field -> {
            assertThat(field.get("placeholder")).isInstanceOf(String.class);
            assertThat(field.get("initial_value")).isInstanceOf(String.class);
            Object choices = field.get("choices");
            boolean choiceField = List.of("radio-button-group", "dropdown").contains(field.get("type"));
            assertThat(choices == null).isEqualTo(!choiceField);
            if (choices != null) {
                assertThat((List<?>) choices).allSatisfy(choice -> {
                    Map<?, ?> map = (Map<?, ?>) choice;
                    assertThat(map.keySet()).isEqualTo(java.util.Set.of("label", "value"));
                    assertThat(map.values()).allMatch(String.class::isInstance);
                });
            }
        });
    }

    private static void assertSatisfiesEveryRule(Map<String, Object> data) {
        assertThat(data).containsEntry("invited_by", "bob").doesNotContainKey("line");
        assertThat(data.get("username")).isInstanceOf(String.class).isNotEqualTo("").matches(u -> !"taken".equalsIgnoreCase((String) u));
        assertThat(data.get("name")).isInstanceOf(String.class).isNotEqualTo("");
        assertThat((String) data.get("email")).matches(EmailAddresses::isValid).contains("@");
        assertThat(data.get("password")).isInstanceOf(dev.flowstage.api.Secret.class).isEqualTo(data.get("password_repeat"));
        assertThat(((dev.flowstage.api.Secret) data.get("password")).length()).isGreaterThanOrEqualTo(8);
        assertThat(data.get("terms")).isInstanceOf(Boolean.class);
        assertThat(data.get("color")).isIn("red", "green");
        assertThat(data.get("country")).isIn("CH", "DE", "FR");
        assertThat(data.get("age")).satisfiesAnyOf(age -> assertThat(age).isNull(), age -> assertThat(age).isInstanceOf(Long.class));
        if (data.get("birthday") != null) {
            assertThat(LocalDate.parse((String) data.get("birthday"))).isNotNull();
        }
        if (data.get("meeting") != null) {
            assertThat(OffsetDateTime.parse((String) data.get("meeting"))).isNotNull();
        }
        assertThat(data).containsEntry("plan", "free").containsEntry("notes", "read me").containsEntry("source", "web")
                .containsEntry("welcome", "Welcome aboard");
    }

    @Provide
    Arbitrary<Map<String, Object>> submissions() {
        List<String> keys = new ArrayList<>(Fields.ALL.stream().map(PromptField::fieldKey).toList());
        keys.add("is_superuser");
        List<Arbitrary<Object>> values = keys.stream().map(PromptSubmissionProperties::valueOf).toList();
        return Combinators.combine(Combinators.combine(values).as(list -> list), Arbitraries.of(true, false))
                .as((list, samePasswords) -> submission(keys, list, samePasswords));
    }

    @Provide
    Arbitrary<Map<String, Object>> promptData() {
        List<String> keys = new ArrayList<>(Fields.ALL.stream().map(PromptField::fieldKey).toList());
        keys.addAll(List.of("color__choices", "country__choices"));
        return Arbitraries.maps(Arbitraries.of(keys), junk().injectNull(0.1)).ofMaxSize(keys.size());
    }

    private static Map<String, Object> submission(List<String> keys, List<Object> values, boolean samePasswords) {
        Map<String, Object> submission = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) != ABSENT) {
                submission.put(keys.get(i), values.get(i));
            }
        }
        if (samePasswords && submission.containsKey("password")) {
            submission.put("password_repeat", submission.get("password"));
        }
        return submission;
    }

    /** Mostly well-formed values for the field, else junk, null or absent. */
    private static Arbitrary<Object> valueOf(String key) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, wellFormed(key)),
                Tuple.of(3, junk()),
                Tuple.of(1, Arbitraries.of(ABSENT, (Object) null)));
    }

    private static Arbitrary<Object> wellFormed(String key) {
        switch (key) {
            case "username": return Arbitraries.of("ann", " bob2 ", "Taken", "carol");
            case "email": return Arbitraries.of("ann@example.com", " b@x.io", "c@localhost", "d@[127.0.0.1]");
            case "password": case "password_repeat":
                return Arbitraries.<Object>of("long enough pw", "short", "correct horse", Secret.of("long enough pw"));
            case "age": return Arbitraries.oneOf(Arbitraries.longs().map(n -> n), Arbitraries.of("42", "-3", "7.0"));
            case "terms": return Arbitraries.of(true, false, "on", "off", 1, 0);
            case "color": return Arbitraries.of("red", "green");
            case "country": return Arbitraries.of("CH", "DE", "FR");
            case "birthday": return Arbitraries.of("1990-05-17", "2000-02-29", "");
            case "meeting": return Arbitraries.of("2026-03-04T10:30", "2026-03-04 10:30:00+01:00", "2026-03-04T10:30:00Z");
            default: return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> s);
        }
    }

    private static Arbitrary<Object> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(16).map(s -> s),
                Arbitraries.of("", " ", "bad@", "4.5", "maybe", "XX", "1990-13-01", "2023-02-29", "tomorrow",
                        "ann@@x", "99999999999999999999", "True", "[]"),
                Arbitraries.longs().map(n -> n),
                Arbitraries.doubles().map(d -> d),
                Arbitraries.of(true, false),
                Arbitraries.of(List.of("a"), List.of(), Map.of("k", "v"), Map.of("label", "L", "value", "red"),
                        List.of(Map.of("value", 1L), "x")));
    }
}
