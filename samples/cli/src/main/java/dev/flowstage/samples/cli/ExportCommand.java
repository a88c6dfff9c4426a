package dev.flowstage.samples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowstage blueprint export [SLUG...]}: writes stored flows as one deterministic blueprint. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write stored flows (all when no slug is given) as one blueprint, without secrets.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Parameters(arity = "0..*", paramLabel = "SLUG", description = "Slugs of the flows to export.")
    List<String> slugs = new ArrayList<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String yaml;
        try (StoreOptions.Service service = store.open((phase, done, total) -> { })) {
            List<String> chosen = slugs.isEmpty()
                    ? service.blueprints().definitions().keySet().stream().sorted().toList() : slugs;
            if (chosen.isEmpty()) {
                spec.commandLine().getOut().println("ERROR the store " + store.store + " holds no flows");
                return FlowstageCli.INVALID;
            }
            try {
                yaml = service.blueprints().exportStored(chosen);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getOut().println("ERROR " + e.getMessage());
                return FlowstageCli.INVALID;
            }
        }
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
        } else {
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("EXPORTED " + output);
        }
        return FlowstageCli.OK;
    }
}
