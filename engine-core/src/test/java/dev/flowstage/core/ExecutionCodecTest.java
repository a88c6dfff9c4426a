package dev.flowstage.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.Login;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionCodecTest {
    /** A sealer shared by the two engines, as nodes of a cluster share a key (Base64 is NOT sealing; tests only). */
    private static final dev.flowstage.spi.SecretSealer SEALER = new dev.flowstage.spi.SecretSealer() {
        @Override
        public String seal(byte[] secret) {
            return java.util.Base64.getEncoder().encodeToString(flip(secret));
        }

        @Override
        public byte[] open(String sealed) {
            return flip(java.util.Base64.getDecoder().decode(sealed));
        }

        private byte[] flip(byte[] bytes) {
            byte[] flipped = bytes.clone();
            for (int i = 0; i < flipped.length; i++) {
                flipped[i] ^= 0x5a;
            }
            return flipped;
        }
    };

    /** Writes typed values of every kind, then shows a challenge, so the execution is persisted mid-flow. */
    static final class WriterStage implements Stage<TestStages.Empty> {
        @Override
        public String typeId() {
            return "test.writer";
        }

        @Override
        public Class<TestStages.Empty> configType() {
            return TestStages.Empty.class;
        }

        @Override
        public StageResult arrive(StageContext<TestStages.Empty> ctx) {
            return StageResult.proceed(ContextUpdate.of(ContextKeys.PENDING_USER, new PendingUser("1", "alice", "a@x.io"))
                    .put(ContextKeys.LOGIN, new Login("1", Duration.ofHours(8), true, "password"))
                    .put(ContextKeys.PROMPT_DATA, Map.of("name", "Alice", "age", 42, "tags", List.of("a", "b"),
                            "password", dev.flowstage.api.Secret.of("hunter2-typed")))
                    .put(ContextKey.of("counter", Integer.class), 3));
        }
    }

    @Test
    void persistedExecution_readsBackTypedContextAfterReload() {
        InMemoryExecutionStore store = new InMemoryExecutionStore();
        FlowDefinition flow = FlowDefinition.builder("f")
                .stage(10, StageDefinition.of("w", "test.writer", new TestStages.Empty()))
                .stage(20, TestStages.ask("q", "a", "1"))
                .build();
        ExecutionId id;
        try (FlowEngine first = FlowEngines.builder().executionStore(store).stages(TestStages.all()).stage(new WriterStage())
                .service(dev.flowstage.spi.SecretSealer.class, SEALER).flow(flow).build()) {
            id = first.start("f", RequestInfo.anonymous().withQuery(Map.of("itoken", "raw-invitation-token"))).executionId();
        }
        assertThat(store.find(id).orElseThrow().data()).hasSizeLessThan(1024).doesNotContain("\n")
                .as("secrets are sealed in the store").doesNotContain("hunter2").doesNotContain("raw-invitation-token");
        try (FlowEngine second = FlowEngines.builder().executionStore(store).stages(TestStages.all()).stage(new WriterStage())
                .service(dev.flowstage.spi.SecretSealer.class, SEALER).flow(flow).build()) {
            FlowResult.Completed done = (FlowResult.Completed) second.submit(id, ChallengeResponse.of(Map.of("a", "1")),
                    RequestInfo.anonymous());
            assertThat(done.login()).contains(new Login("1", Duration.ofHours(8), true, "password"));
            assertThat(done.context().get(ContextKeys.PENDING_USER)).contains(new PendingUser("1", "alice", "a@x.io"));
            assertThat(done.context().get(ContextKeys.PROMPT_DATA).orElseThrow()).containsEntry("age", 42)
                    .containsEntry("password", dev.flowstage.api.Secret.of("hunter2-typed"));
            assertThat(done.context().get(ContextKey.of("counter", Integer.class))).contains(3);
        }
    }
}
