package dev.flowstage.stages.dummy;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.util.Map;

/** The blueprint model {@value #NAME} of the dummy stage. */
public final class DummyModel implements BlueprintModel<DummyConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_dummy.dummystage";

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
        return DummyStage.TYPE;
    }

    @Override
    public Class<DummyConfig> configType() {
        return DummyConfig.class;
    }

    @Override
    public DummyConfig fromAttributes(ModelAttributes attrs) {
        return new DummyConfig(attrs.bool("throw_error", false));
    }

    @Override
    public Map<String, Object> toAttributes(DummyConfig config) {
        return Map.of("throw_error", config.throwError());
    }
}
