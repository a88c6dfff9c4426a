package dev.flowstage.stages.deny;

import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.Map;

/** The blueprint model {@value #NAME} of the deny stage: register {@link #MODEL}. */
public final class DenyModel {
    /** The model name. */
    public static final String NAME = "authentik_stages_deny.denystage";

    /** The model. */
    public static final BlueprintModel<DenyConfig> MODEL = BlueprintModel.stage(NAME, DenyStage.TYPE, DenyConfig.class,
            attrs -> new DenyConfig(attrs.string("deny_message", "")),
            config -> Map.of("deny_message", config.denyMessage()));

    private DenyModel() {}
}
