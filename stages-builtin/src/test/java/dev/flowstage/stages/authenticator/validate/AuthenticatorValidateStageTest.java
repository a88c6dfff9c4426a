package dev.flowstage.stages.authenticator.validate;

import static dev.flowstage.stages.testing.Results.deniedWith;
import static dev.flowstage.stages.testing.Results.proceeded;
import static dev.flowstage.stages.testing.Results.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.core.InMemoryDeviceStore;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthenticatorValidateStageTest {
    private final AuthenticatorValidateStage stage = new AuthenticatorValidateStage();

    private TestContext<AuthenticatorValidateConfig> context(AuthenticatorValidateConfig config) {
        return TestContext.of(config).withUser(Fixtures.alice()).withService(DeviceStore.class, new InMemoryDeviceStore());
    }

    @Test
    void arrive_noPendingUserAndAnonymousRequester_passesThrough() {
        proceeded(stage.arrive(context(AuthenticatorValidateConfig.defaults().withNotConfiguredAction(NotConfiguredAction.DENY))));
    }

    @Test
    void arrive_pretendUser_isTreatedAsAUserWithoutDevices() {
        var deny = context(AuthenticatorValidateConfig.defaults().withNotConfiguredAction(NotConfiguredAction.DENY))
                .with(ContextKeys.PENDING_USER, PendingUser.pretend("nobody"));
        var skip = context(AuthenticatorValidateConfig.defaults()).with(ContextKeys.PENDING_USER, PendingUser.pretend("nobody"));

        deniedWith(stage.arrive(deny), AuthenticatorValidateStage.NOT_CONFIGURED);
        proceeded(stage.arrive(skip));
    }

    @Test
    void arrive_signedInRequesterWithoutPendingUser_isVerifiedAsStepUp() {
        var configure = context(AuthenticatorValidateConfig.defaults().withConfigurationStages("setup")).withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-alice"));

        var result = configure.apply(shown(stage.arrive(configure)));

        assertThat(stage.challenge(configure).component()).isEqualTo("xak-flow-redirect");
        assertThat(result.update().isEmpty()).as("a WebAuthn challenge is drawn for later").isFalse();
    }

    @Test
    void validate_configureWithoutFlowsNegativeThresholdBadOrigin_reportedTogether() {
        var config = AuthenticatorValidateConfig.defaults().withNotConfiguredAction(NotConfiguredAction.CONFIGURE)
                .withLastAuthThreshold(Duration.ofSeconds(-1)).withWebauthnOrigins("ftp://example.com", "https://ok.example");

        assertThat(stage.validate(config)).containsExactly(
                "configuration_stages must name at least one flow when not_configured_action is configure",
                "last_auth_threshold must not be negative, got PT-1S",
                "webauthn_origins: 'ftp://example.com' is not an https origin");
        assertThat(stage.validate(AuthenticatorValidateConfig.defaults())).isEmpty();
    }

    @Test
    void notConfiguredAction_wireNames_roundTrip() {
        for (NotConfiguredAction action : NotConfiguredAction.values()) {
            assertThat(NotConfiguredAction.fromWireName(action.wireName())).isEqualTo(action);
        }
    }
}
