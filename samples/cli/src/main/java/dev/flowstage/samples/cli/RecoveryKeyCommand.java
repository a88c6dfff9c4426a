package dev.flowstage.samples.cli;

import dev.flowstage.core.DirectoryTokenStore;
import dev.flowstage.core.RecoveryKeys;
import dev.flowstage.jdbc.JdbcStores;
import java.nio.file.Path;
import dev.flowstage.core.blueprint.Brand;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowstage recovery-key create USER --years N}: prints a one-time link that lets the user back in. */
@Command(name = "recovery-key", mixinStandardHelpOptions = true, description = "Manage recovery keys.",
        subcommands = RecoveryKeyCommand.Create.class)
final class RecoveryKeyCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: create");
    }

    /** Creates a key in the store's token file and prints its link. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a one-time recovery link for USER, as authentik's create_recovery_key. "
                    + "With --data, the key goes into the demo host's H2 database (stop the host first: H2 "
                    + "files open in one process); otherwise into a DirectoryTokenStore in --store.")
    static final class Create implements Callable<Integer> {
        /** The demo host's recovery flow, used with {@code --data} when {@code --flow} is not given. */
        static final String DEMO_RECOVERY = "default-recovery-flow";

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", paramLabel = "USER", description = "The username the key is for.")
        String user;

        @Option(names = "--years", paramLabel = "N", defaultValue = "1", description = "How many years the key is valid (default 1).")
        int years;

        @Option(names = "--flow", paramLabel = "SLUG",
                description = "The flow the key starts (default: the default brand's recovery flow).")
        String flow;

        @Option(names = "--data", paramLabel = "DIR",
                description = "The demo host's data folder (its H2 database): the key is stored there and USER must exist.")
        Path data;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = "http://localhost:8080",
                description = "The URL the host serves flows under (default http://localhost:8080).")
        String baseUrl;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (years < 1 || years > 100) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--years must be between 1 and 100, got " + years);
            }
            Optional<String> slug = Optional.ofNullable(flow).or(data != null ? () -> Optional.of(DEMO_RECOVERY) : this::brandRecoveryFlow);
            if (slug.isEmpty()) {
                spec.commandLine().getOut().println("ERROR no recovery flow: the store has no default brand with "
                        + "flow_recovery (apply default:) and --flow was not given");
                return FlowstageCli.INVALID;
            }
            if (data != null) {
                return intoDatabase(slug.get());
            }
            String key = RecoveryKeys.issue(new DirectoryTokenStore(store.store), Clock.systemUTC(), new SecureRandom(),
                    slug.get(), user, Duration.ofDays(365L * years));
            spec.commandLine().getOut().println(RecoveryKeys.link(baseUrl, slug.get(), key));
            return FlowstageCli.OK;
        }

        private Integer intoDatabase(String slug) {
            try (JdbcStores stores = JdbcStores.h2File(data)) {
                if (stores.users().findByUsername(user).isEmpty()) {
                    spec.commandLine().getOut().println("ERROR no user '" + user + "' in " + data);
                    return FlowstageCli.INVALID;
                }
                String key = RecoveryKeys.issue(stores.tokens(), Clock.systemUTC(), new SecureRandom(), slug, user,
                        Duration.ofDays(365L * years));
                spec.commandLine().getOut().println(RecoveryKeys.link(baseUrl, slug, key));
                return FlowstageCli.OK;
            }
        }

        private Optional<String> brandRecoveryFlow() {
            try (StoreOptions.Service service = store.open((phase, done, total) -> { })) {
                return service.blueprints().brands().stream().filter(Brand::defaultBrand)
                        .map(Brand::recoveryFlow).filter(java.util.Objects::nonNull).findFirst();
            }
        }
    }
}
