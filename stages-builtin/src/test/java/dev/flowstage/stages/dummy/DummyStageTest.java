package dev.flowstage.stages.dummy;

import static dev.flowstage.stages.testing.Results.proceeded;
import static dev.flowstage.stages.testing.Results.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.stages.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DummyStageTest {
    private static final DummyStage STAGE = new DummyStage();

    @Test
    void challenge_always_namesTheStage() {
        var ctx = TestContext.of(DummyConfig.defaults()).named("placeholder");

        shown(STAGE.arrive(ctx));
        assertThat(STAGE.challenge(ctx).component()).isEqualTo("ak-stage-dummy");
        assertThat(STAGE.challenge(ctx).fields()).isEqualTo(Map.of("name", "placeholder"));
    }

    @Test
    void submit_anyResponse_proceeds() {
        proceeded(STAGE.submit(TestContext.of(DummyConfig.defaults()), ChallengeResponse.of(Map.of("x", 1))));
    }

    @Test
    void submit_throwError_throwsIllegalState() {
        var ctx = TestContext.of(DummyConfig.defaults().withThrowError(true)).named("boom");

        assertThatThrownBy(() -> STAGE.submit(ctx, ChallengeResponse.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
    }
}
