package dev.flowstage.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.FlowEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationStoreTest {
    @TempDir
    Path dir;

    @Test
    void directoryStore_keepsTheConfigurationAcrossInstances() {
        DirectoryConfigurationStore store = new DirectoryConfigurationStore(dir);
        assertThat(store.load()).isEqualTo(Configuration.empty());
        Configuration next = new Configuration(1, List.of(new ConfigObject("k", "authentik_flows.flow",
                Map.of("slug", "a", "order", 3, "list", List.of(1.5, true)))));

        assertThat(store.replace(0, next)).isTrue();

        assertThat(new DirectoryConfigurationStore(dir).load()).isEqualTo(next);
        assertThat(store.replace(0, next)).isFalse();
    }

    @Test
    void replace_withAVersionThatDoesNotFollow_isRefused() {
        assertThatThrownBy(() -> new InMemoryConfigurationStore().replace(0, new Configuration(5, List.of())))
                .hasMessage("next configuration must have version 1, got 5");
    }

    @Test
    void blueprintsOnADirectoryStore_surviveARestart() {
        try (FlowEngine engine = TestModels.engine()) {
            TestModels.blueprints(engine).store(new DirectoryConfigurationStore(dir)).build()
                    .apply(Blueprint.of("login.yaml", BlueprintApplyTest.LOGIN)).orThrow();
        }
        try (FlowEngine restarted = TestModels.engine()) {
            Blueprints blueprints = TestModels.blueprints(restarted).store(new DirectoryConfigurationStore(dir)).build();

            assertThat(blueprints.sync()).containsExactly("quiz-login");
            assertThat(restarted.flowSlugs()).containsExactly("quiz-login");
            assertThat(blueprints.apply(Blueprint.of("login.yaml", BlueprintApplyTest.LOGIN)).effectiveChanges()).isEmpty();
        }
    }
}
