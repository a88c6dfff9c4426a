package dev.flowstage.testkit;

import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.Map;

/**
 * A stand-in for authentik's MFA validation stage until Flowstage has one: it passes, as authentik's
 * stage does for a user without devices ({@code not_configured_action: skip}). Shows that a custom
 * stage brings its blueprint model with one line.
 */
final class MfaStandIn implements Stage<MfaStandIn.Config> {
    static final String TYPE = "test.mfa_stand_in";
    static final BlueprintModel<Config> MODEL = BlueprintModel.stage(
            "authentik_stages_authenticator_validate.authenticatorvalidatestage", TYPE, Config.class,
            attrs -> new Config(), config -> Map.of());

    /** No settings. */
    record Config() {}

    @Override
    public String typeId() {
        return TYPE;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public StageResult arrive(StageContext<Config> ctx) {
        return StageResult.proceed();
    }
}
