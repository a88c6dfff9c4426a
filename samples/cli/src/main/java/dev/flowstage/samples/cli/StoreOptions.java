package dev.flowstage.samples.cli;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintProblem;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.core.blueprint.DirectoryConfigurationStore;
import dev.flowstage.stages.BuiltinModels;
import dev.flowstage.stages.BuiltinStages;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every store command shares: where the configuration lives and the instance context. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "${env:FLOWSTAGE_STORE:-flowstage-store}",
            description = "Directory of the configuration store (default: $FLOWSTAGE_STORE or ./flowstage-store).")
    Path store;

    @Option(names = "--context", paramLabel = "KEY=VALUE", description = "Instance context for !Context, repeatable.")
    Map<String, String> context = new LinkedHashMap<>();

    /**
     * Returns a blueprints service on the store that checks flows with an engine of the built-in stages
     * but deploys nothing (the hosts serving the store deploy); the engine is closed with the result.
     */
    Service open(Blueprints.Progress progress) {
        FlowEngine engine = FlowEngines.builder().stages(BuiltinStages.all()).build();
        Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all())
                .store(new DirectoryConfigurationStore(store)).engine(engine).deploy(false)
                .context(context).catalog(defaults()).progress(progress).build();
        return new Service(blueprints, engine);
    }

    /** The blueprints service and the engine it checks with. */
    record Service(Blueprints blueprints, FlowEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    /** Returns Flowstage's default blueprints, which meta-apply entries may name. */
    static List<Blueprint> defaults() {
        return BuiltinModels.defaultBlueprints().stream()
                .map(name -> Blueprint.resource(StoreOptions.class.getClassLoader(), name)).toList();
    }

    /**
     * Returns the blueprints named by {@code paths}: files, every {@code .yaml}/{@code .yml} file below
     * folders ({@link Blueprint#allIn}), or {@code default:} for Flowstage's default blueprints.
     *
     * @throws UncheckedIOException when a path cannot be read
     */
    static List<Blueprint> load(List<String> paths) {
        List<Blueprint> blueprints = new ArrayList<>();
        for (String path : paths) {
            if (path.equals("default:")) {
                blueprints.addAll(defaults());
            } else if (Files.isDirectory(Path.of(path))) {
                blueprints.addAll(Blueprint.allIn(Path.of(path)));
            } else {
                blueprints.add(Blueprint.of(Path.of(path)));
            }
        }
        return blueprints;
    }

    /** Prints each problem as an {@code ERROR} line. */
    static void print(PrintWriter out, List<BlueprintProblem> problems) {
        problems.forEach(problem -> out.println("ERROR " + problem));
    }
}
