package dev.flowstage.samples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code flowstage} command. Exit codes: {@value #OK} success, {@value #INVALID} a blueprint is
 * invalid (or another check failed), {@value #USAGE} wrong usage, {@value #ERROR} an unexpected error
 * (such as an unwritable store). Results go to standard output one per line, each starting with an
 * upper-case word a script can match ({@code ERROR}, {@code CREATE}, {@code UPDATE}, {@code DELETE},
 * {@code VALID}, {@code INVALID}, {@code APPLIED}); progress goes to standard error.
 */
@Command(name = "flowstage", mixinStandardHelpOptions = true, version = "flowstage 0.1.0",
        description = "Manage Flowstage blueprints and recovery keys.",
        subcommands = {BlueprintCommand.class, RecoveryKeyCommand.class})
public final class FlowstageCli implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** A blueprint is invalid, or another check failed; nothing was changed. */
    public static final int INVALID = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** An unexpected error. */
    public static final int ERROR = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command with {@code args} and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs the command with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new FlowstageCli()).setOut(out).setErr(err)
                .setExecutionExceptionHandler((exception, command, parsed) -> {
                    command.getErr().println("ERROR " + exception.getMessage());
                    return ERROR;
                });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: blueprint or recovery-key");
    }
}
