package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.samples.terms.TermsOfServiceModel;
import dev.flowstage.stages.BuiltinModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoFlowsBlueprintTest {

    @Test
    void demoFlows_exportedAndApplied_yieldEqualDefinitions() {
        Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all()).model(TermsOfServiceModel.MODEL).build();
        String yaml = blueprints.export(List.of(DemoFlows.login(), DemoFlows.termsLogin()));

        blueprints.apply(Blueprint.of("demo.yaml", yaml)).orThrow();

        assertThat(blueprints.definition(DemoFlows.LOGIN)).contains(DemoFlows.login());
        assertThat(blueprints.definition(DemoFlows.TERMS_LOGIN)).contains(DemoFlows.termsLogin());
        assertThat(yaml).contains("model: flowstage_samples_terms.termsofservicestage");
    }
}
