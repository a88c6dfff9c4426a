package dev.flowstage.samples.host;

import dev.flowstage.samples.terms.TermsOfServiceModel;
import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.List;
import java.util.Map;

/**
 * The blueprint models of the host's own stages and policy type, so that the demo's blueprints
 * (under {@code blueprints/demo/}) can use them: the initial setup's stage and policy, the consent
 * stage, and the sample terms-of-service stage.
 */
final class HostModels {
    /** The initial setup's stage: {@code username} names the admin. */
    static final BlueprintModel<InitialSetup.Config> INITIAL_SETUP_STAGE = BlueprintModel.stage(
            "flowstage_host.initialsetupstage", InitialSetup.AdminStage.TYPE, InitialSetup.Config.class,
            attrs -> new InitialSetup.Config(attrs.requiredString("username")),
            config -> Map.of("username", config.username()));
    /** The initial setup's policy: passes while the admin {@code username} has no usable password. */
    static final BlueprintModel<InitialSetup.Config> INITIAL_SETUP_POLICY = BlueprintModel.policy(
            "flowstage_host.adminwithoutpasswordpolicy", InitialSetup.AdminWithoutPassword.TYPE, InitialSetup.Config.class,
            attrs -> new InitialSetup.Config(attrs.requiredString("username")),
            config -> Map.of("username", config.username()));
    /** The consent stage: {@code permissions} lists what the user consents to, by name. */
    static final BlueprintModel<ConsentStage.Config> CONSENT_STAGE = BlueprintModel.stage(
            "flowstage_host.consentstage", ConsentStage.TYPE, ConsentStage.Config.class,
            attrs -> new ConsentStage.Config(attrs.strings("permissions", List.of())),
            config -> Map.of("permissions", config.permissions()));

    private HostModels() {}

    /** Returns every model the host registers besides the built-in ones. */
    static List<BlueprintModel<?>> all() {
        return List.of(INITIAL_SETUP_STAGE, INITIAL_SETUP_POLICY, CONSENT_STAGE, TermsOfServiceModel.MODEL);
    }
}
