package dev.flowstage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.TokenException;
import dev.flowstage.api.definition.FlowDefinition;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryKeyTest {
    private final MutableClock clock = new MutableClock();
    private final InMemoryUserDirectory users = new InMemoryUserDirectory();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final FlowEngine engine = FlowEngines.builder().clock(clock).users(users).tokenStore(tokens)
            .stages(TestStages.all())
            .flow(FlowDefinition.builder("recover").stage(10, TestStages.ask("ask", "colour", "blue")).build())
            .build();
    private final SecureRandom random = new SecureRandom();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void recoveryKey_getShowsAConfirmation_postConsumesIt_andTheFlowRunsForTheUser() {
        users.put(new dev.flowstage.api.User("u1", "alice", "alice@example.com", "Alice", true, false, java.util.Set.of(), null, Map.of()));
        String key = RecoveryKeys.issue(tokens, clock, random, "recover", "alice", Duration.ofDays(365));

        FlowResult opened = engine.resume(key, RequestInfo.anonymous());
        assertThat(opened.challenge().component()).isEqualTo("ak-stage-consent");
        assertThat(opened.challenge().fields()).containsEntry("pending_user", "alice").containsEntry("token", key);
        assertThat(engine.resume(key, RequestInfo.anonymous())).isInstanceOf(FlowResult.Pending.class);

        FlowResult wrong = engine.submit(opened.executionId(), ChallengeResponse.of(Map.of("token", "nope")), RequestInfo.anonymous());
        assertThat(wrong.challenge().responseErrors().forField("token")).isNotEmpty();

        FlowResult started = engine.submit(opened.executionId(), ChallengeResponse.of(Map.of("token", key)), RequestInfo.anonymous());
        assertThat(started.challenge().component()).isEqualTo("test-ask");
        FlowResult done = engine.submit(opened.executionId(), ChallengeResponse.of(Map.of("colour", "blue")), RequestInfo.anonymous());
        FlowResult.Completed completed = (FlowResult.Completed) done;
        assertThat(completed.context().get(ContextKeys.PENDING_USER)).contains(new PendingUser("u1", "alice", "alice@example.com"));
        assertThat(completed.context().asMap()).containsEntry("recovery_key", true).containsEntry("auth_method", "recovery_key").doesNotContainKey("recovery_token");

        assertThatThrownBy(() -> engine.resume(key, RequestInfo.anonymous())).isInstanceOf(TokenException.class)
                .extracting(e -> ((TokenException) e).reason()).isEqualTo(TokenException.Reason.USED);
    }

    @Test
    void recoveryKey_forAnUnknownUser_orExpired_isRefused() {
        String nobody = RecoveryKeys.issue(tokens, clock, random, "recover", "nobody", Duration.ofDays(1));
        assertThatThrownBy(() -> engine.resume(nobody, RequestInfo.anonymous()))
                .extracting(e -> ((TokenException) e).reason()).isEqualTo(TokenException.Reason.UNKNOWN);

        users.put(new dev.flowstage.api.User("u1", "alice", "alice@example.com", "Alice", true, false, java.util.Set.of(), null, Map.of()));
        String key = RecoveryKeys.issue(tokens, clock, random, "recover", "alice", Duration.ofDays(1));
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> engine.resume(key, RequestInfo.anonymous()))
                .extracting(e -> ((TokenException) e).reason()).isEqualTo(TokenException.Reason.EXPIRED);
    }

    @Test
    void directoryTokenStore_sharesKeysBetweenInstances(@TempDir Path dir) {
        DirectoryTokenStore cli = new DirectoryTokenStore(dir);
        String key = RecoveryKeys.issue(cli, clock, random, "recover", "alice", Duration.ofDays(1));
        DirectoryTokenStore host = new DirectoryTokenStore(dir);

        String hash = dev.flowstage.core.internal.exec.TokenHashes.hash(key);
        assertThat(host.find(hash)).hasValueSatisfying(token -> assertThat(token.purpose()).isEqualTo("recovery"));
        assertThat(host.consume(hash, clock.instant())).isTrue();
        assertThat(cli.consume(hash, clock.instant())).isFalse();
        assertThat(RecoveryKeys.link("https://login.example.com/", "recover", key))
                .isEqualTo("https://login.example.com/if/flow/recover/?flow_token=" + key);
    }
}
