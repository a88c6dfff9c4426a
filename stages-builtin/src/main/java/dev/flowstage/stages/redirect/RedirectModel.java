package dev.flowstage.stages.redirect;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import dev.flowstage.spi.blueprint.ModelRef;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The blueprint model {@value #NAME} of the redirect stage, plus Flowstage's {@code allowed_hosts}
 * list (the hosts absolute static targets may point to).
 */
public final class RedirectModel implements BlueprintModel<RedirectConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_redirect.redirectstage";

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
        return RedirectStage.TYPE;
    }

    @Override
    public Class<RedirectConfig> configType() {
        return RedirectConfig.class;
    }

    @Override
    public RedirectConfig fromAttributes(ModelAttributes attrs) {
        RedirectMode mode = attrs.choice("mode", RedirectMode::fromWireName, RedirectMode.STATIC);
        String defaultTarget = mode == RedirectMode.STATIC ? RedirectConfig.defaults().targetStatic() : null;
        return new RedirectConfig(mode, attrs.string("target_static", defaultTarget), attrs.flow("target_flow"),
                attrs.bool("keep_context", true), new LinkedHashSet<>(attrs.strings("allowed_hosts", List.of())));
    }

    @Override
    public Map<String, Object> toAttributes(RedirectConfig config) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("mode", config.mode().wireName());
        attrs.put("target_static", config.targetStatic());
        attrs.put("target_flow", config.targetFlow() == null ? null : ModelRef.flow(config.targetFlow()));
        attrs.put("keep_context", config.keepContext());
        attrs.put("allowed_hosts", config.allowedHosts().stream().sorted().toList());
        return attrs;
    }
}
