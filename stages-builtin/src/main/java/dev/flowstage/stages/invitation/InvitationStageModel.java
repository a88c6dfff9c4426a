package dev.flowstage.stages.invitation;

import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.Map;

/** The blueprint model {@value #NAME} of the invitation stage: register {@link #MODEL}. */
public final class InvitationStageModel {
    /** The model name. */
    public static final String NAME = "authentik_stages_invitation.invitationstage";

    /** The model. */
    public static final BlueprintModel<InvitationConfig> MODEL = BlueprintModel.stage(NAME, InvitationStage.TYPE, InvitationConfig.class,
            attrs -> new InvitationConfig(attrs.bool("continue_flow_without_invitation", false)),
            config -> Map.of("continue_flow_without_invitation", config.continueFlowWithoutInvitation()));

    private InvitationStageModel() {}
}
