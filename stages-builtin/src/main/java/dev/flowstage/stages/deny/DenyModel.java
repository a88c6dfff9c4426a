package dev.flowstage.stages.deny;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.util.Map;

/** The blueprint model {@value #NAME} of the deny stage. */
public final class DenyModel implements BlueprintModel<DenyConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_deny.denystage";

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
        return DenyStage.TYPE;
    }

    @Override
    public Class<DenyConfig> configType() {
        return DenyConfig.class;
    }

    @Override
    public DenyConfig fromAttributes(ModelAttributes attrs) {
        return new DenyConfig(attrs.string("deny_message", ""));
    }

    @Override
    public Map<String, Object> toAttributes(DenyConfig config) {
        return Map.of("deny_message", config.denyMessage());
    }
}
