package dev.flowstage.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlueprintErrorsTest {
    private final FlowEngine engine = TestModels.engine();
    private final Blueprints blueprints = TestModels.blueprints(engine).build();

    @AfterEach
    void close() {
        engine.close();
    }

    private BlueprintProblem only(String yaml) {
        List<BlueprintProblem> problems = blueprints.apply(Blueprint.of("bad.yaml", yaml)).problems();
        assertThat(problems).as("problems of %s", yaml).hasSize(1);
        assertThat(blueprints.definitions()).isEmpty();
        assertThat(engine.flowSlugs()).isEmpty();
        return problems.get(0);
    }

    @Test
    void badYaml_namesFileAndLine() {
        BlueprintProblem problem = only("""
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: x
                """);

        assertThat(problem.source()).isEqualTo("bad.yaml");
        assertThat(problem.line()).isGreaterThan(0);
        assertThat(problem.message()).startsWith("invalid YAML: ");
    }

    @Test
    void wrongVersion_isRejected() {
        assertThat(only("version: 2\nentries: []\n").toString()).isEqualTo("bad.yaml:1: version: blueprint version must be 1, got 2");
    }

    @Test
    void unknownTag_namesEntryKeyAndTheKnownTags() {
        BlueprintProblem problem = only("""
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: x}
                  attrs:
                    title: !Bogus thing
                """);

        assertThat(problem.entry()).isZero();
        assertThat(problem.key()).isEqualTo("attrs.title");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).startsWith("unknown tag '!Bogus' (known tags: !AtIndex, !Condition, !Context");
    }

    @Test
    void unknownModel_namesEntryAndKey() {
        BlueprintProblem problem = only("""
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: x}
                - model: authentik_stages_captcha.captchastage
                  identifiers: {name: captcha}
                """);

        assertThat(problem.entry()).isEqualTo(1);
        assertThat(problem.key()).isEqualTo("model");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message()).startsWith("unknown model 'authentik_stages_captcha.captchastage' (supported: ");
    }

    @Test
    void unknownAttribute_namesEntryKeyAndTheKnownOnes() {
        BlueprintProblem problem = only("""
                version: 1
                entries:
                - model: test_stages_ask.askstage
                  identifiers: {name: ask}
                  attrs: {field: colour, expected: blue, colour_blind: true}
                """);

        assertThat(problem.toString()).isEqualTo("bad.yaml:3: entries[0] attrs.colour_blind: unknown attribute 'colour_blind' of "
                + "test_stages_ask.askstage (known: [expected, field, name])");
    }

    @Test
    void illTypedAttribute_namesTheKeyAndTheExpectedType() {
        BlueprintProblem problem = only("""
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: x}
                  attrs: {designation: login}
                """);

        assertThat(problem.key()).isEqualTo("attrs.designation");
        assertThat(problem.message()).isEqualTo("designation 'login' is not one of [authentication, authorization, "
                + "enrollment, recovery, invalidation, stage_configuration, unenrollment]");
    }

    @Test
    void keyOfCycle_isReportedAsACycle() {
        List<BlueprintProblem> problems = blueprints.apply(Blueprint.of("bad.yaml", """
                version: 1
                entries:
                - model: authentik_flows.flow
                  id: a
                  identifiers: {slug: a}
                  attrs: {title: !KeyOf b}
                - model: authentik_flows.flow
                  id: b
                  identifiers: {slug: b}
                  attrs: {title: !KeyOf a}
                """)).problems();

        assertThat(problems).first().satisfies(problem -> {
            assertThat(problem.entry()).isZero();
            assertThat(problem.key()).isEqualTo("attrs.title");
            assertThat(problem.message()).isEqualTo("!KeyOf cycle: a -> b -> a (an entry can only refer to entries before it)");
        });
        assertThat(blueprints.definitions()).isEmpty();
    }

    @Test
    void keyOfForwardReference_saysToMoveTheEntry() {
        List<BlueprintProblem> problems = blueprints.apply(Blueprint.of("bad.yaml", """
                version: 1
                entries:
                - model: authentik_flows.flowstagebinding
                  identifiers: {target: !KeyOf flow, stage: !KeyOf flow, order: 1}
                - model: authentik_flows.flow
                  id: flow
                  identifiers: {slug: a}
                """)).problems();

        assertThat(problems).extracting(BlueprintProblem::toString).contains(
                "bad.yaml:4: entries[0] identifiers.target: !KeyOf 'flow' refers to entries[1], which comes later: move it before this entry");
    }

    @Test
    void keyOfUnknownId_isAProblem() {
        BlueprintProblem problem = only("""
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: a}
                  attrs: {title: !KeyOf nope}
                """);

        assertThat(problem.message()).isEqualTo("!KeyOf 'nope': no entry has id 'nope'");
    }

    @Test
    void findMatchingNothing_namesTheQuery() {
        BlueprintProblem problem = only("""
                version: 1
                entries:
                - model: test_stages_quiz.quizstage
                  identifiers: {name: quiz}
                  attrs:
                    next_flow: !Find [authentik_flows.flow, [slug, missing-flow]]
                """);

        assertThat(problem.toString()).isEqualTo(
                "bad.yaml:6: entries[0] attrs.next_flow: !Find [authentik_flows.flow, [slug, missing-flow]] matched nothing");
    }

    @Test
    void fileOutsideTheFolder_isRefused(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("blueprints"));
        Files.writeString(dir.resolve("secret.txt"), "s3cret");
        Path file = folder.resolve("flow.yaml");
        Files.writeString(file, """
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: a}
                  attrs: {title: !File ../secret.txt}
                """);

        List<BlueprintProblem> problems = blueprints.apply(Blueprint.of(file)).problems();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.entry()).isZero();
            assertThat(problem.key()).isEqualTo("attrs.title");
            assertThat(problem.message()).startsWith("!File '../secret.txt' is outside the blueprint's folder");
            assertThat(problem.message()).doesNotContain("s3cret");
        });
    }

    @Test
    void fileOutsideTheFolder_throughASymlink_isRefused(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("blueprints"));
        Files.writeString(dir.resolve("secret.txt"), "s3cret");
        Files.createSymbolicLink(folder.resolve("link.txt"), dir.resolve("secret.txt"));
        Path file = folder.resolve("flow.yaml");
        Files.writeString(file, "version: 1\nentries:\n- model: authentik_flows.flow\n  identifiers: {slug: a}\n"
                + "  attrs: {title: !File link.txt}\n");

        assertThat(blueprints.apply(Blueprint.of(file)).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("is outside the blueprint's folder"));
    }

    @Test
    void lastEntryInvalid_leavesEveryEarlierEntryUnapplied() {
        BlueprintResult result = blueprints.apply(Blueprint.of("bad.yaml", BlueprintApplyTest.LOGIN + """
                - model: test_stages_ask.askstage
                  identifiers: {name: broken}
                  attrs: {field: colour}
                """));

        assertThat(result.applied()).isFalse();
        assertThat(result.problems()).extracting(BlueprintProblem::toString)
                .containsExactly("bad.yaml:39: entries[5] attrs.expected: is required");
        assertThat(engine.flowSlugs()).isEmpty();
        assertThat(blueprints.definitions()).isEmpty();
    }

    @Test
    void flowThatDoesNotCompile_changesNothing() {
        blueprints.apply(Blueprint.of("login.yaml", BlueprintApplyTest.LOGIN)).orThrow();
        var before = engine.definition("quiz-login").orElseThrow();

        BlueprintResult result = blueprints.apply(Blueprint.of("blank.yaml", """
                version: 1
                entries:
                - model: test_stages_ask.askstage
                  identifiers: {name: ask-colour}
                  attrs: {field: " "}
                """));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("blank.yaml");
            assertThat(problem.entry()).isZero();
            assertThat(problem.message()).contains("ask-colour").contains("field");
        });
        assertThat(engine.definition("quiz-login")).contains(before);
        assertThat(blueprints.definition("quiz-login")).contains(before);
    }

    @Test
    void everyProblemOfAFile_isReportedAtOnce() {
        List<BlueprintProblem> problems = blueprints.apply(Blueprint.of("bad.yaml", """
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: a}
                  attrs: {designation: nope, layout: sideways}
                - model: nope.nope
                  identifiers: {name: x}
                """)).problems();

        assertThat(problems).extracting(BlueprintProblem::key).containsExactly("attrs.designation", "attrs.layout", "model");
    }
}
