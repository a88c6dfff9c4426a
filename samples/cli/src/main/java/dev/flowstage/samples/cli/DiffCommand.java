package dev.flowstage.samples.cli;

import dev.flowstage.core.blueprint.BlueprintChange;
import dev.flowstage.core.blueprint.BlueprintResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowstage blueprint diff FILE...}: prints what applying would change; changes nothing. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Print the changes applying would make (CREATE, UPDATE, DELETE lines); changes nothing.")
final class DiffCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--all", description = "Also print UNCHANGED and SKIP lines.")
    boolean all;

    @Parameters(arity = "1..*", paramLabel = "BLUEPRINT", description = "Blueprint files, folders, or default:.")
    List<String> paths;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (StoreOptions.Service service = store.open((phase, done, total) -> { })) {
            BlueprintResult plan = service.blueprints().plan(StoreOptions.load(paths));
            PrintWriter out = spec.commandLine().getOut();
            StoreOptions.print(out, plan.problems());
            if (!plan.ok()) {
                out.println("INVALID " + plan.problems().size() + " problems");
                return FlowstageCli.INVALID;
            }
            print(out, plan.changes(), all);
            out.println("PLAN " + plan.effectiveChanges().size() + " changes, flows changed " + plan.deployed()
                    + ", flows removed " + plan.removed());
            return FlowstageCli.OK;
        }
    }

    /** Prints each change as {@code ACTION model object [fields] (source entries[n])}. */
    static void print(PrintWriter out, List<BlueprintChange> changes, boolean all) {
        for (BlueprintChange change : changes) {
            if (all || change.changes()) {
                String line = change.toString();
                out.println(change.action().name() + line.substring(change.action().label().length()));
            }
        }
    }
}
