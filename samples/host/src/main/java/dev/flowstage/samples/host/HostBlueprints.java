package dev.flowstage.samples.host;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.core.blueprint.Configuration;
import dev.flowstage.core.blueprint.InMemoryConfigurationStore;
import dev.flowstage.stages.BuiltinModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the demo is configured: by blueprints, applied at every start as one change (all or
 * nothing), as authentik reconciles its system blueprints. First Flowstage's default blueprints
 * (sign-in, enrollment, recovery, logout, password change, the default brand), then the demo's own
 * ({@value #DEMO_FOLDER}: more flows, the host's custom stages, the brands), then the files of the
 * host's blueprint folder, if it has one. The applied configuration lives in the host's
 * configuration store, so what an earlier start applied is served again even where a later
 * blueprint no longer mentions it.
 */
final class HostBlueprints {
    /** The classpath folder of the demo's blueprints. */
    static final String DEMO_FOLDER = "blueprints/demo/";
    /** The context value mailed links start with. */
    static final String LINK_BASE_URL = "flowstage.dev/link_base_url";
    /** The context value naming the first admin. */
    static final String ADMIN = "flowstage.dev/admin";

    private static final List<String> DEMO = List.of("10-demo-sign-in.yaml", "20-demo-flows.yaml",
            "30-demo-enrollment.yaml", "40-demo-mfa.yaml", "50-demo-applications.yaml", "90-demo-brands.yaml");

    private HostBlueprints() {}

    /**
     * What the blueprints gave the host besides flows.
     *
     * @param brands the brands
     * @param applications the applications, by slug
     */
    record Applied(Brands brands, List<Application> applications) {
        Applied {
            applications = List.copyOf(applications);
        }
    }

    /**
     * Applies the default and demo blueprints, then those of {@code configuration}'s folder, to its
     * configuration store, and deploys every stored flow to {@code engine}; returns the brands and
     * applications. Everything is checked before anything is stored, the host's rules included (a
     * logo, favicon or launch URL that is not a path on the host or an https URL, two default brands).
     *
     * @throws dev.flowstage.core.blueprint.BlueprintException listing every problem when a blueprint
     *     does not apply; nothing was stored then
     * @throws IllegalArgumentException naming the brand or application the host cannot serve; nothing
     *     was stored then
     */
    static Applied apply(FlowEngine engine, HostConfiguration configuration, String baseUrl) {
        List<Blueprint> all = new ArrayList<>(builtIn());
        configuration.blueprintFolder().ifPresent(folder -> all.addAll(folder(folder)));
        InMemoryConfigurationStore scratch = new InMemoryConfigurationStore();
        Configuration stored = configuration.blueprintStore().load();
        if (stored.version() > 0) {
            scratch.replace(0, new Configuration(1, stored.objects()));
        }
        Blueprints trial = blueprints(baseUrl).store(scratch).build(); // no engine: flows compile once, below
        trial.apply(all).orThrow();
        Applied applied = new Applied(Brands.of(trial.brands()), trial.applications().stream().map(Application::from).toList());
        Blueprints blueprints = blueprints(baseUrl).store(configuration.blueprintStore()).engine(engine)
                .invitations(configuration.invitations()).build();
        blueprints.apply(all).orThrow(); // deploys every stored flow the engine does not have yet
        return applied;
    }

    /** Returns a builder with the models and context; the trial run adds no engine or invitation store, as it must write nothing. */
    private static Blueprints.Builder blueprints(String baseUrl) {
        return Blueprints.builder()
                .models(BuiltinModels.all())
                .models(HostModels.all())
                .context(Map.of(LINK_BASE_URL, baseUrl, ADMIN, DemoUsers.ADMIN))
                .catalog(builtIn());
    }

    /** Returns the default blueprints, then the demo's, in the order they apply. */
    static List<Blueprint> builtIn() {
        ClassLoader loader = HostBlueprints.class.getClassLoader();
        Stream<String> names = Stream.concat(BuiltinModels.defaultBlueprints().stream(),
                DEMO.stream().map(name -> DEMO_FOLDER + name));
        return names.map(name -> Blueprint.resource(loader, name)).toList();
    }

    /**
     * Returns the blueprints of {@code folder} ({@link Blueprint#allIn}) except those labelled
     * {@code blueprints.goauthentik.io/instantiate: "false"}; none when it does not exist.
     */
    static List<Blueprint> folder(Path folder) {
        return Blueprint.allIn(folder).stream().filter(Blueprint::instantiate).toList();
    }
}
