package dev.flowstage.stages.userlogout;

import static dev.flowstage.stages.testing.Results.proceeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.stages.testing.TestContext;
import org.junit.jupiter.api.Test;

class UserLogoutStageTest {
    private static final UserLogoutStage STAGE = new UserLogoutStage();

    @Test
    void arrive_always_proceedsWithLogout() {
        var ctx = TestContext.of(UserLogoutConfig.defaults());

        proceeded(ctx.apply(STAGE.arrive(ctx)));

        assertThat(ctx.get(ContextKeys.LOGOUT)).contains(true);
    }

    @Test
    void definition_name_hasTypeAndDefaultConfig() {
        var definition = UserLogoutStage.definition("default-logout");

        assertThat(definition.type()).isEqualTo("builtin.user_logout");
        assertThat(definition.config()).isEqualTo(new UserLogoutConfig());
    }
}
