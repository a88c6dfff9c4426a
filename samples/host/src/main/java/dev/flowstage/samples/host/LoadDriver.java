package dev.flowstage.samples.host;

import dev.flowstage.api.Secret;
import dev.flowstage.api.UserDraft;
import dev.flowstage.samples.host.LoadClient.JourneyFailed;
import dev.flowstage.spi.PasswordHasher;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures the demo host over HTTP: {@code --clients N} concurrent clients each run full sign-in
 * journeys of {@code default-authentication-flow} in a loop (GET the flow, POST the identification,
 * POST the password, which must answer {@code xak-flow-redirect} with a signed-in session cookie,
 * then GET {@code /api/v3/core/users/me/}, which must name the user), each journey with a fresh
 * session. After {@code --warmup} it measures for {@code --duration} and prints logins per second,
 * the sign-in latency per journey (p50, p90, p99, max) and the latency per request.
 *
 * <p>By default it starts the demo host in-process on a free port, on in-memory stores, with
 * {@code --users K} users {@code load-user-1..K} (default one per client, so that no single account
 * takes every attempt) and the {@code --hasher} (cheap Argon2id, or Argon2id at the production
 * defaults). With {@code --url} it drives a running demo host instead, as {@value DemoUsers#ADMIN}
 * with the password in {@value LoadOptions#PASSWORD_VARIABLE}. Before measuring, one journey must
 * succeed, so a wrong URL or password fails at once.
 *
 * <p>The clients run in this JVM, so on a small machine they compete with an in-process host for
 * the CPU; the figures are of the pair. The JDK HTTP server's TCP_NODELAY switch
 * ({@value DemoHost#NODELAY}, which the host turns on unless it is set) changes them several-fold,
 * so the report names its setting; {@code docs/PERFORMANCE.md} has measurements. Exit status: 0 when every journey signed in, 1 when any journey failed (the first
 * failure is printed) or none completed, 2 for bad arguments.
 *
 * <pre>
 * ./mvnw -q -pl samples/host -am -DskipTests package exec:java \
 *     -Dexec.mainClass=dev.flowstage.samples.host.LoadDriver -Dexec.args="--clients 8 --duration 20s --hasher cheap"
 * </pre>
 */
public final class LoadDriver {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private LoadDriver() {}

    /** Runs the driver with the command-line options (see {@code --help}) and exits with its status when not 0. */
    public static void main(String[] args) {
        int status = run(List.of(args), System.getenv(), System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Parses {@code args}, runs the load, prints the report to {@code out}; returns the exit status. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.println(LoadOptions.USAGE);
            return OK;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(LoadOptions.USAGE);
            return USAGE;
        }
        return report(options, out, err);
    }

    private static int report(LoadOptions options, PrintStream out, PrintStream err) {
        LoadReport report;
        try {
            report = drive(options, out);
        } catch (JourneyFailed e) {
            err.println("error: the first sign-in as " + options.username(0) + " failed, nothing measured: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("error: cannot start the demo host: " + e);
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return FAILED;
        }
        out.println(report.table());
        if (report.logins() == 0 && report.errors() == 0) {
            err.println("error: no journey ended within the measured " + options.duration());
        }
        return report.errors() == 0 && report.logins() > 0 ? OK : FAILED;
    }

    /**
     * Runs the load described by {@code options}, printing progress to {@code progress}; returns
     * what was measured.
     *
     * @throws JourneyFailed when the first sign-in, before any measuring, fails
     * @throws IOException when the in-process host cannot start
     */
    static LoadReport drive(LoadOptions options, PrintStream progress) throws JourneyFailed, IOException, InterruptedException {
        if (options.url().isPresent()) {
            return drive("demo host at " + options.url().get(), options.url().get(), options, progress);
        }
        try (DemoHost host = startHost(options)) {
            return drive("in-process demo host " + host.baseUri() + ", hasher " + options.hasher().describe() + ", "
                    + DemoHost.NODELAY + "=" + Boolean.getBoolean(DemoHost.NODELAY), host.baseUri(), options, progress);
        }
    }

    private static LoadReport drive(String target, URI base, LoadOptions options, PrintStream progress)
            throws JourneyFailed, InterruptedException {
        new LoadClient(base, options.username(0), options.password(), options.verify(), new LoadClient.Window(0, 0))
                .journey(new long[LoadClient.Step.values().length]);
        progress.println("Driving " + target + " with " + options.clients() + " clients: warm-up "
                + options.warmup().toMillis() + " ms, then measuring " + options.duration().toMillis() + " ms ...");
        long start = System.nanoTime();
        long measureFrom = start + options.warmup().toNanos();
        LoadClient.Window window = new LoadClient.Window(measureFrom, measureFrom + options.duration().toNanos());
        List<LoadClient> clients = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            clients.add(new LoadClient(base, options.username(i), options.password(), options.verify(), window));
        }
        runAll(clients);
        return LoadReport.of(target, options, clients);
    }

    /** Runs each client on a thread of its own and waits for all; an interrupt stops them all. */
    private static void runAll(List<LoadClient> clients) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (LoadClient client : clients) {
            threads.add(new Thread(client, "load-client-" + (threads.size() + 1)));
        }
        threads.forEach(Thread::start);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            threads.forEach(Thread::interrupt);
        }
    }

    /** Starts the demo host on a free port with the load users, all with the options' password. */
    private static DemoHost startHost(LoadOptions options) throws IOException {
        PasswordHasher hasher = options.hasher().create();
        Optional<Secret> password = Optional.of(options.password());
        return DemoHost.start(new DemoHost.Config(0, password, 0),
                withUsers(HostConfiguration.inMemory(password, hasher), options, hasher));
    }

    private static HostConfiguration withUsers(HostConfiguration configuration, LoadOptions options, PasswordHasher hasher) {
        String hash = hasher.hash(options.password()); // one hash for all: 100,000 Argon2id hashes would take an hour
        for (int i = 0; i < options.users(); i++) {
            String name = LoadOptions.userName(i);
            configuration.users().create(new UserDraft(name, name + "@example.com", "Load user " + (i + 1), true, Set.of(),
                    hash, Map.of()));
        }
        return configuration;
    }
}
