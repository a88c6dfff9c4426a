package dev.flowstage.stages.consent;

import static dev.flowstage.stages.consent.ConsentContexts.EMAIL;
import static dev.flowstage.stages.consent.ConsentContexts.OPENID;
import static dev.flowstage.stages.consent.ConsentContexts.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.UserConsent;
import dev.flowstage.core.InMemoryConsentStore;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.MiniJson;
import dev.flowstage.stages.testing.ProtocolSchema;
import dev.flowstage.stages.testing.TestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every result of consent journeys through a real engine (consent challenges with flow info and
 * response errors, completions, denials) and the stage's own challenges, as protocol JSON, against
 * the schema in {@code shared/conformance} ({@code ConsentChallenge} for {@code ak-stage-consent}).
 * With {@code flowstage.transcripts} set, they also go there for the ajv checker.
 */
class ConsentConformanceTest {
    private static final ProtocolSchema SCHEMA = ProtocolSchema.load();
    private static final List<String> TRANSCRIPT = new ArrayList<>();

    @AfterAll
    static void writeTranscript() throws IOException {
        String folder = System.getProperty("flowstage.transcripts");
        if (folder != null && !folder.isBlank() && !TRANSCRIPT.isEmpty()) {
            Path file = Path.of(folder).resolve("stages-builtin-consent.jsonl");
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", TRANSCRIPT) + "\n", StandardCharsets.UTF_8);
        }
    }

    static List<Object[]> challenges() {
        List<Object[]> cases = new ArrayList<>();
        try (ConsentEngine kit = new ConsentEngine()) {
            FlowResult first = kit.authorize(ConsentEngine.PERMANENT, "u-alice", "grafana", "openid");
            FlowResult rejected = kit.submit(first, Map.of("token", "not-the-token"));
            kit.consent(rejected);
            kit.consent(kit.authorize(ConsentEngine.PERMANENT, "u-alice", "grafana", "openid email profile"));
            kit.authorize(ConsentEngine.ALWAYS, "u-bob", null, null);
            FlowResult blank = kit.authorize(ConsentEngine.ALWAYS, "u-alice", "grafana", "openid");
            kit.submit(blank, Map.of("token", ""));
            for (String json : kit.transcript()) {
                cases.add(new Object[] {"journey #" + cases.size(), json});
            }
        }
        ConsentStage stage = new ConsentStage();
        InMemoryConsentStore store = new InMemoryConsentStore();
        store.save(UserConsent.permanent("u-alice", "grafana", Set.of("openid")));
        TestContext<ConsentConfig> ctx = ConsentContexts.asking(ConsentConfig.defaults(), store, OPENID, EMAIL, PROFILE)
                .with(ConsentStage.HEADER, "Grafana asks for more");
        ctx.apply(stage.arrive(ctx));
        StageResult.Invalid missing = (StageResult.Invalid) stage.submit(ctx, ChallengeResponse.empty());
        try (ConsentEngine kit = new ConsentEngine()) {
            cases.add(new Object[] {"stage with additional permissions", kit.engine.toJson(stage.challenge(ctx))});
            cases.add(new Object[] {"stage with a missing token",
                    kit.engine.toJson(stage.challenge(ctx).withErrors(missing.errors()))});
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void challenge_ofConsentJourneys_conformsToItsSchema(String name, String json) {
        Map<String, Object> challenge = asMap(MiniJson.parse(json));

        assertThat(SCHEMA.problems(challenge)).as("%s: %s", name, json).isEmpty();
        synchronized (TRANSCRIPT) {
            TRANSCRIPT.add(json);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
