package dev.flowstage.samples.cli;

import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowstage blueprint apply FILE...}: applies blueprints to the store, all or nothing. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply blueprints to the store as one change: all of them, or nothing when any is invalid.")
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--no-progress", description = "Do not show progress on standard error.")
    boolean noProgress;

    @Parameters(arity = "1..*", paramLabel = "BLUEPRINT", description = "Blueprint files, folders, or default:.")
    List<String> paths;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Blueprint> blueprints = StoreOptions.load(paths);
        PrintWriter out = spec.commandLine().getOut();
        BlueprintResult result;
        try (Progress progress = noProgress ? Progress.none() : Progress.to(spec.commandLine().getErr());
                StoreOptions.Service service = store.open(progress::step)) {
            result = service.blueprints().apply(blueprints);
        }
        StoreOptions.print(out, result.problems());
        if (!result.applied()) {
            out.println("INVALID " + result.problems().size() + " problems; nothing was applied");
            return FlowstageCli.INVALID;
        }
        DiffCommand.print(out, result.changes(), false);
        out.println("APPLIED " + result.effectiveChanges().size() + " changes, flows changed " + result.deployed()
                + ", flows removed " + result.removed());
        return FlowstageCli.OK;
    }
}
