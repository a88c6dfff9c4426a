package dev.flowstage.stages.deny;

import static dev.flowstage.stages.testing.Results.deniedWith;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.stages.testing.TestContext;
import org.junit.jupiter.api.Test;

class DenyStageTest {
    private static final DenyStage STAGE = new DenyStage();

    @Test
    void arrive_contextMessage_overridesConfig() {
        var ctx = TestContext.of(new DenyConfig("Configured")).with(ContextKeys.DENY_MESSAGE, "From policy");

        deniedWith(STAGE.arrive(ctx), "From policy");
    }

    @Test
    void arrive_noOrBlankContextMessage_usesConfig() {
        deniedWith(STAGE.arrive(TestContext.of(new DenyConfig("Configured"))), "Configured");
        deniedWith(STAGE.arrive(TestContext.of(new DenyConfig("Configured")).with(ContextKeys.DENY_MESSAGE, " ")),
                "Configured");
    }

    @Test
    void arrive_noMessageAnywhere_deniesUnknownError() {
        deniedWith(STAGE.arrive(TestContext.of(DenyConfig.defaults())), "Unknown error");
    }
}
