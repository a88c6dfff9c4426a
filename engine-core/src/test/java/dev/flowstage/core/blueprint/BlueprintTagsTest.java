package dev.flowstage.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlueprintTagsTest {
    private final FlowEngine engine = TestModels.engine();
    private final Blueprints blueprints = TestModels.blueprints(engine)
            .environment(Map.of("FLOW_TITLE", "From env", "EMPTY", "")::get).build();

    @AfterEach
    void close() {
        engine.close();
    }

    /** Applies a flow whose title is {@code title} (YAML) and returns the title it got. */
    private String title(String title) {
        blueprints.apply(Blueprint.of("tags.yaml", """
                version: 1
                context:
                  name: alice
                  count: 3
                  items: [a, b]
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: tags}
                  attrs:
                    title: %s
                """.formatted(title))).orThrow();
        return engine.definition("tags").orElseThrow().title();
    }

    @Test
    void format_supportsStringsIntegersAndPercent() {
        assertThat(title("!Format ['%s has %d%% of %s', !Context name, 42, true]")).isEqualTo("alice has 42% of True");
    }

    @Test
    void format_withAnUnsupportedConversion_isAProblem() {
        var problems = blueprints.apply(Blueprint.of("f.yaml", "version: 1\nentries:\n- model: authentik_flows.flow\n"
                + "  identifiers: {slug: f}\n  attrs: {title: !Format ['%x', 1]}\n")).problems();
        assertThat(problems).singleElement().extracting(BlueprintProblem::message)
                .isEqualTo("!Format: conversion %x is not supported (only %s, %d and %%)");
    }

    @Test
    void env_readsTheEnvironmentWithDefaults_andEmptyCountsAsUnset() {
        assertThat(title("!Env FLOW_TITLE")).isEqualTo("From env");
        assertThat(title("!Env [EMPTY, fallback]")).isEqualTo("fallback");
        assertThat(title("!Env [UNSET, other]")).isEqualTo("other");
    }

    @Test
    void ifAndCondition_pickBranches() {
        assertThat(title("!If [!Condition [AND, true, !Context name], yes, no]")).isEqualTo("yes");
        assertThat(title("!If [!Condition [XOR, true, true], yes, no]")).isEqualTo("no");
        assertThat(title("!If [!Condition [NOR, !Find [authentik_flows.flow, [slug, nope]]], none, some]")).isEqualTo("none");
        assertThat(title("!Format ['%s', !If [0]]")).isEqualTo("False");
    }

    @Test
    void enumerate_indexAndValue_buildListsAndMaps() {
        assertThat(title("!Format ['%s', !Enumerate [!Context items, SEQ, !Format ['%d=%s', !Index 0, !Value 0]]]"))
                .isEqualTo("[0=a, 1=b]");
        assertThat(title("!Format ['%d', !AtIndex [!Enumerate [!Context items, MAP, [!Value 0, !Index 0]], b]]")).isEqualTo("1");
        assertThat(title("!Format ['%s', !Enumerate [[x], SEQ, !Enumerate [[1, 2], SEQ, !Format ['%s%s', !Value 1, !Value 0]]]]"))
                .isEqualTo("[[x1, x2]]");
    }

    @Test
    void atIndex_readsListsAndMaps_withDefaults() {
        assertThat(title("!AtIndex [!Context items, -1]")).isEqualTo("b");
        assertThat(title("!AtIndex [!Context items, 5, none]")).isEqualTo("none");
    }

    @Test
    void findAndFindObject_readEarlierObjects() {
        blueprints.apply(Blueprint.of("base.yaml", "version: 1\nentries:\n- model: authentik_flows.flow\n"
                + "  identifiers: {slug: base}\n  attrs: {title: Base title, designation: recovery}\n")).orThrow();

        assertThat(title("!AtIndex [!FindObject [authentik_flows.flow, [designation, recovery]], title]")).isEqualTo("Base title");
        assertThat(title("!If [!Find [authentik_flows.flow, [slug, base], [title, Base title]], found, missing]")).isEqualTo("found");
    }

    @Test
    void parseJson_readsALiteral() {
        assertThat(title("!AtIndex [!ParseJSON '{\"a\": \"json\"}', a]")).isEqualTo("json");
    }

    @Test
    void file_readsRelativeToTheBlueprint(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("texts"));
        Files.writeString(dir.resolve("texts/title.txt"), "  From a file\n");
        Path file = dir.resolve("flow.yaml");
        Files.writeString(file, "version: 1\nentries:\n- model: authentik_flows.flow\n  identifiers: {slug: file}\n"
                + "  attrs:\n    title: !File texts/title.txt\n    name: !File [missing.txt, no file]\n");

        blueprints.apply(Blueprint.of(file)).orThrow();

        assertThat(engine.definition("file").orElseThrow().title()).isEqualTo("From a file");
        assertThat(engine.definition("file").orElseThrow().name()).isEqualTo("no file");
    }

    @Test
    void entriesMayBeGroupedInSections_andModelAndStateMayBeTags() {
        blueprints.apply(Blueprint.of("sections.yaml", """
                version: 1
                context: {model: authentik_flows.flow}
                entries:
                  flows:
                  - model: !Context model
                    state: !If [true, present, absent]
                    identifiers: {slug: one}
                  more:
                  - model: authentik_flows.flow
                    identifiers: {slug: two}
                """)).orThrow();

        assertThat(engine.flowSlugs()).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void anchorsAndAliases_areExpanded() {
        blueprints.apply(Blueprint.of("anchors.yaml", """
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: one}
                  attrs: &common {title: Shared, designation: enrollment}
                - model: authentik_flows.flow
                  identifiers: {slug: two}
                  attrs: *common
                """)).orThrow();

        assertThat(engine.definition("two").orElseThrow().title()).isEqualTo("Shared");
    }
}
