package dev.flowstage.samples.cli;

import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowstage blueprint validate FILE...}: checks blueprints against the store; changes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check blueprints (files, folders or default:) against the store; changes nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(arity = "1..*", paramLabel = "BLUEPRINT", description = "Blueprint files, folders, or default:.")
    List<String> paths;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Blueprint> blueprints = StoreOptions.load(paths);
        try (StoreOptions.Service service = store.open((phase, done, total) -> { })) {
            BlueprintResult plan = service.blueprints().plan(blueprints);
            StoreOptions.print(spec.commandLine().getOut(), plan.problems());
            if (!plan.ok()) {
                spec.commandLine().getOut().println("INVALID " + plan.problems().size() + " problems");
                return FlowstageCli.INVALID;
            }
            spec.commandLine().getOut().println("VALID " + blueprints.size() + " blueprints, "
                    + plan.effectiveChanges().size() + " changes");
            return FlowstageCli.OK;
        }
    }
}
