package dev.flowstage.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlueprintWatcherTest {
    private final FlowEngine engine = TestModels.engine();
    private final Blueprints blueprints = TestModels.blueprints(engine).build();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch firstApplied = new java.util.concurrent.CountDownLatch(1);
    private final List<BlueprintResult> failed = new CopyOnWriteArrayList<>();
    private final BlueprintWatcher.Listener listener = new BlueprintWatcher.Listener() {
        @Override
        public void applied(Path file, BlueprintResult result) {
            applied.add(file.getFileName().toString());
            firstApplied.countDown();
        }

        @Override
        public void failed(Path file, BlueprintResult result) {
            failed.add(result);
        }
    };

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void rescan_appliesNewAndChangedFilesOnce() throws Exception {
        BlueprintWatcher watcher = blueprints.watcher(folder, listener);
        Files.writeString(folder.resolve("login.yaml"), BlueprintApplyTest.LOGIN);
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/ignored.yaml"), "not: a blueprint");

        assertThat(watcher.rescan()).extracting(path -> path.getFileName().toString()).containsExactly("login.yaml");
        assertThat(watcher.rescan()).isEmpty();
        Files.writeString(folder.resolve("login.yaml"), BlueprintApplyTest.LOGIN.replace("Answer me", "Changed"));
        watcher.rescan();

        assertThat(applied).containsExactly("login.yaml", "login.yaml");
        assertThat(engine.definition("quiz-login").orElseThrow().title()).isEqualTo("Changed");
    }

    @Test
    void brokenFile_isReported_andTheRunningFlowsStayAsTheyWere() throws Exception {
        BlueprintWatcher watcher = blueprints.watcher(folder, listener);
        Files.writeString(folder.resolve("login.yaml"), BlueprintApplyTest.LOGIN);
        watcher.rescan();
        var running = engine.definition("quiz-login").orElseThrow();

        Files.writeString(folder.resolve("login.yaml"), BlueprintApplyTest.LOGIN.replace("Answer me", "Changed")
                + "- model: authentik_flows.flow\n  identifiers: {slug: [broken\n");
        watcher.rescan();

        assertThat(failed).singleElement().satisfies(result -> assertThat(result.problems()).first()
                .satisfies(problem -> assertThat(problem.toString()).startsWith("login.yaml:").contains("invalid YAML")));
        assertThat(engine.definition("quiz-login")).contains(running);
        assertThat(blueprints.definition("quiz-login")).contains(running);
    }

    @Test
    void allIn_readsYamlFilesBelowTheFolderInPathOrder_withoutDotFiles() throws Exception {
        Files.createDirectories(folder.resolve("sub"));
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve("b.yml"), "version: 1\n");
        Files.writeString(folder.resolve("a.yaml"), "version: 1\n");
        Files.writeString(folder.resolve("sub/c.yaml"), "version: 1\n");
        Files.writeString(folder.resolve(".hidden.yaml"), "version: 1\n");
        Files.writeString(folder.resolve(".git/d.yaml"), "version: 1\n");
        Files.writeString(folder.resolve("notes.txt"), "not a blueprint");

        assertThat(Blueprint.allIn(folder)).extracting(blueprint -> folder.relativize(Path.of(blueprint.source())).toString())
                .containsExactly("a.yaml", "b.yml", "sub/c.yaml");
        assertThat(Blueprint.allIn(folder.resolve("missing"))).isEmpty();
    }

    @Test
    void notInstantiated_filesAreSkipped() throws Exception {
        Files.writeString(folder.resolve("example.yaml"), """
                version: 1
                metadata:
                  name: Example
                  labels: {blueprints.goauthentik.io/instantiate: "false"}
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: example}
                """);

        blueprints.watcher(folder, listener).rescan();

        assertThat(engine.flowSlugs()).isEmpty();
    }

    @Test
    void start_watchesTheFolderInTheBackground() throws Exception {
        try (BlueprintWatcher watcher = blueprints.watcher(folder, listener)) {
            watcher.start();
            Files.writeString(folder.resolve("login.yaml"), BlueprintApplyTest.LOGIN);
            assertThat(firstApplied.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the watcher applied the new file").isTrue();
        }

        assertThat(applied).containsExactly("login.yaml");
        assertThat(engine.flowSlugs()).containsExactly("quiz-login");
    }
}
