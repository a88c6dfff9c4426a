package dev.flowstage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintResult;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.stages.BuiltinModels;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class BlueprintRoundTripProperties {

    @Provide
    Arbitrary<FlowDefinition> flows() {
        return FlowDefinitionArbitraries.flows();
    }

    @Property(tries = 300)
    void exportThenApply_yieldsAnEqualDefinition_andTheSameExport(@ForAll("flows") FlowDefinition flow) {
        Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all()).build();
        String yaml = blueprints.export(List.of(flow));

        BlueprintResult result = blueprints.apply(Blueprint.of("generated.yaml", yaml));

        assertThat(result.problems()).as(yaml).isEmpty();
        assertThat(blueprints.definition(flow.slug())).as(yaml).contains(flow);
        assertThat(blueprints.exportStored(List.of(flow.slug()))).isEqualTo(yaml);
        assertThat(blueprints.apply(Blueprint.of("generated.yaml", yaml)).effectiveChanges()).isEmpty();
        Statistics.label("stage bindings").collect(Math.min(flow.bindings().size(), 3))
                .coverage(coverage -> coverage.check(3).percentage(p -> p > 10));
        Statistics.label("policy bindings").collect(flow.bindings().stream().anyMatch(b -> !b.policies().isEmpty()))
                .coverage(coverage -> coverage.check(true).percentage(p -> p > 30));
    }
}
