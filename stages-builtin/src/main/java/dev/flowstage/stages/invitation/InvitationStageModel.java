package dev.flowstage.stages.invitation;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.util.Map;

/** The blueprint model {@value #NAME} of the invitation stage. */
public final class InvitationStageModel implements BlueprintModel<InvitationConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_invitation.invitationstage";

    @Override
    public String modelName() {
        return NAME;
    }

    @Override
    public Kind kind() {
        return Kind.STAGE;
    }

    @Override
    public String typeId() {
        return InvitationStage.TYPE;
    }

    @Override
    public Class<InvitationConfig> configType() {
        return InvitationConfig.class;
    }

    @Override
    public InvitationConfig fromAttributes(ModelAttributes attrs) {
        return new InvitationConfig(attrs.bool("continue_flow_without_invitation", false));
    }

    @Override
    public Map<String, Object> toAttributes(InvitationConfig config) {
        return Map.of("continue_flow_without_invitation", config.continueFlowWithoutInvitation());
    }
}
