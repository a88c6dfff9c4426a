package dev.flowstage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.TokenException;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinkTokenTest {
    private static final ContextKey<Boolean> SENT = ContextKey.of("link_sent", Boolean.class);
    private final List<String> outbox = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final FlowEngine engine = FlowEngines.builder().clock(clock).tokenStore(tokens).stage(new LinkStage())
            .stages(TestStages.all())
            .flow(FlowDefinition.builder("verify").stage(10, StageDefinition.of("link", "test.link", new TestStages.Empty()))
                    .stage(20, TestStages.ask("after", "a", "1")).build())
            .build();

    /** Mails a link on arrival; a response carrying the token confirms it. */
    final class LinkStage implements Stage<TestStages.Empty> {
        @Override
        public String typeId() {
            return "test.link";
        }

        @Override
        public Class<TestStages.Empty> configType() {
            return TestStages.Empty.class;
        }

        @Override
        public StageResult arrive(StageContext<TestStages.Empty> ctx) {
            if (ctx.get(SENT).isEmpty()) {
                outbox.add(ctx.tokens().issue("test-link", Duration.ofMinutes(30), Map.of("header", "Confirm it")));
            }
            return StageResult.show(ContextUpdate.of(SENT, true));
        }

        @Override
        public Challenge challenge(StageContext<TestStages.Empty> ctx) {
            return Challenge.of("test-link-sent");
        }

        @Override
        public StageResult submit(StageContext<TestStages.Empty> ctx, ChallengeResponse response) {
            try {
                ctx.tokens().consume(response.string("token").orElse(""), "test-link");
                return StageResult.proceed();
            } catch (TokenException e) {
                return StageResult.invalid(ResponseErrors.nonField(e.getMessage(), "invalid"));
            }
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void resume_showsConfirmationWithoutConsuming_thenPostConsumesOnce() {
        ExecutionId id = engine.start("verify", RequestInfo.anonymous()).executionId();
        String token = outbox.get(0);
        FlowResult confirm = engine.resume(token, RequestInfo.anonymous());
        assertThat(confirm.executionId()).isEqualTo(id);
        assertThat(confirm.challenge().component()).isEqualTo("ak-stage-consent");
        assertThat(confirm.challenge().field("header_text")).isEqualTo("Confirm it");
        assertThat(engine.resume(token, RequestInfo.anonymous())).isEqualTo(confirm);
        FlowResult next = engine.submit(id, ChallengeResponse.of(Map.of("token", token)), RequestInfo.anonymous());
        assertThat(next.challenge().component()).isEqualTo(TestStages.ASK_COMPONENT);
        assertThat(next.executionId()).as("the confirming client continues under a new id").isNotEqualTo(id);
        assertThat(engine.current(id)).as("whoever kept the old id is locked out").isInstanceOf(FlowResult.Cancelled.class);
        assertThat(engine.current(next.executionId()).challenge().component()).isEqualTo(TestStages.ASK_COMPONENT);
        assertThatThrownBy(() -> engine.resume(token, RequestInfo.anonymous()))
                .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.USED));
    }

    @Test
    void tamperedExpiredAndStaleTokens_areRefusedAndChangeNothing() {
        ExecutionId id = engine.start("verify", RequestInfo.anonymous()).executionId();
        String token = outbox.get(0);
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThatThrownBy(() -> engine.resume(tampered, RequestInfo.anonymous()))
                .isInstanceOf(TokenException.class).hasMessage("This link is not valid. Please request a new one.");
        FlowResult wrong = engine.submit(id, ChallengeResponse.of(Map.of("token", tampered)), RequestInfo.anonymous());
        assertThat(wrong.challenge().responseErrors().forField(ResponseErrors.NON_FIELD_ERRORS)).isNotEmpty();
        clock.advance(Duration.ofMinutes(20));
        assertThat(engine.current(id).challenge().component()).isEqualTo("test-link-sent");
        clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> engine.resume(token, RequestInfo.anonymous()))
                .isInstanceOf(TokenException.class).hasMessage("This link has expired. Please request a new one.");
    }

    @Test
    void executionLivesAsLongAsItsLinkEvenPastTheIdleTimeout() {
        try (FlowEngine shortIdle = FlowEngines.builder().clock(clock).tokenStore(tokens).stage(new LinkStage())
                .stages(TestStages.all()).idleTimeout(Duration.ofMinutes(5))
                .flow(FlowDefinition.builder("verify").stage(10, StageDefinition.of("link", "test.link", new TestStages.Empty()))
                        .build())
                .build()) {
            ExecutionId id = shortIdle.start("verify", RequestInfo.anonymous()).executionId();
            clock.advance(Duration.ofMinutes(25));
            FlowResult done = shortIdle.submit(id, ChallengeResponse.of(Map.of("token", outbox.get(0))), RequestInfo.anonymous());
            assertThat(done).isInstanceOf(FlowResult.Completed.class);
        }
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        engine.start("verify", RequestInfo.anonymous());
        String token = outbox.get(0);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(tokens.find(token)).isEmpty();
    }

    @Test
    void doubleClickOnTheConfirmation_oneProceeds_theOtherFindsTheExecutionMovedOn() throws Exception {
        ExecutionId id = engine.start("verify", RequestInfo.anonymous()).executionId();
        String token = outbox.get(0);
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        Runnable click = () -> {
            try {
                outcomes.add(engine.submit(id, ChallengeResponse.of(Map.of("token", token)), RequestInfo.anonymous()));
            } catch (RuntimeException e) {
                outcomes.add(e);
            }
        };
        Thread first = new Thread(click);
        Thread second = new Thread(click);
        first.start();
        second.start();
        first.join();
        second.join();
        assertThat(outcomes).filteredOn(FlowResult.class::isInstance).singleElement()
                .satisfies(result -> assertThat(((FlowResult) result).challenge().component()).isEqualTo(TestStages.ASK_COMPONENT));
        assertThat(outcomes).filteredOn(dev.flowstage.api.ExecutionNotFoundException.class::isInstance).hasSize(1);
    }
}
