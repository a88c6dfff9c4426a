package dev.flowstage.samples.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.stages.BuiltinModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneysBlueprintTest {

    /**
     * Each journey on its own: the journeys share prompt names with different orders (the password
     * field is 300 in enrollment and 0 in recovery), which one configuration cannot hold, as in
     * authentik, where a prompt is one object.
     */
    @Test
    void everyJourney_exportedAndApplied_yieldsAnEqualDefinition() {
        for (FlowDefinition journey : new Journeys("https://login.example.com").all()) {
            Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all()).build();
            String yaml = blueprints.export(List.of(journey));

            blueprints.apply(Blueprint.of(journey.slug() + ".yaml", yaml)).orThrow();

            assertThat(blueprints.definition(journey.slug())).as(yaml).contains(journey);
        }
    }
}
