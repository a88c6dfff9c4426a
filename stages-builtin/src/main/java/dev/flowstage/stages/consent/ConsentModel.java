package dev.flowstage.stages.consent;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/** The blueprint model {@value #NAME} of the consent stage: {@code mode} and {@code consent_expire_in} (a duration). */
public final class ConsentModel implements BlueprintModel<ConsentConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_consent.consentstage";

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
        return ConsentStage.TYPE;
    }

    @Override
    public Class<ConsentConfig> configType() {
        return ConsentConfig.class;
    }

    @Override
    public ConsentConfig fromAttributes(ModelAttributes attrs) {
        ConsentConfig d = ConsentConfig.defaults();
        return new ConsentConfig(attrs.choice("mode", ConsentMode::fromWireName, d.mode()),
                attrs.duration("consent_expire_in", d.consentExpireIn()));
    }

    @Override
    public Map<String, Object> toAttributes(ConsentConfig config) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("mode", config.mode().wireName());
        attrs.put("consent_expire_in", config.consentExpireIn());
        return attrs;
    }
}
