package dev.flowstage.stages.dummy;

import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.Map;

/** The blueprint model {@value #NAME} of the dummy stage: register {@link #MODEL}. */
public final class DummyModel {
    /** The model name. */
    public static final String NAME = "authentik_stages_dummy.dummystage";

    /** The model. */
    public static final BlueprintModel<DummyConfig> MODEL = BlueprintModel.stage(NAME, DummyStage.TYPE, DummyConfig.class,
            attrs -> new DummyConfig(attrs.bool("throw_error", false)),
            config -> Map.of("throw_error", config.throwError()));

    private DummyModel() {}
}
