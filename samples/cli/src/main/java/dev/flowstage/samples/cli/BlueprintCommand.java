package dev.flowstage.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowstage blueprint validate|apply|diff|export}. */
@Command(name = "blueprint", mixinStandardHelpOptions = true, description = "Validate, apply, diff and export blueprints.",
        subcommands = {ValidateCommand.class, ApplyCommand.class, DiffCommand.class, ExportCommand.class})
final class BlueprintCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: validate, apply, diff or export");
    }
}
