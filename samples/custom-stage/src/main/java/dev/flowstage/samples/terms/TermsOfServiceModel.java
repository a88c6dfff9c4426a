package dev.flowstage.samples.terms;

import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blueprint model of the terms-of-service stage: entries of model {@value #NAME} with the
 * attributes {@code version}, {@code url} and {@code text}. Register it with one line,
 * {@code Blueprints.builder().model(TermsOfServiceModel.MODEL)}.
 */
public final class TermsOfServiceModel {
    /** The model name blueprints use. */
    public static final String NAME = "flowstage_samples_terms.termsofservicestage";

    /** The model. */
    public static final BlueprintModel<TermsOfServiceStage.Config> MODEL = BlueprintModel.stage(
            NAME, TermsOfServiceStage.TYPE, TermsOfServiceStage.Config.class,
            attrs -> new TermsOfServiceStage.Config(attrs.requiredString("version"), attrs.string("url", null),
                    attrs.string("text", null)),
            config -> {
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("version", config.version());
                attrs.put("url", config.url());
                attrs.put("text", config.text());
                return attrs;
            });

    private TermsOfServiceModel() {}
}
