package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpServer;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.jdbc.JdbcStores;
import dev.flowstage.api.Secret;
import dev.flowstage.spi.StoredExecution;
import dev.flowstage.stages.hash.Argon2idHasher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Flowstage demo host on the JDK's HTTP server, on 127.0.0.1: authentik's flow-executor API at
 * {@code /api/v3/flows/executor/{slug}/}, a web UI for every flow at {@code /if/flow/{slug}/}, the
 * signed-in user's applications and settings at {@code /if/user/}, brands per request host, an
 * embedded SMTP server for outgoing mail with an outbox page at {@code /outbox/}, and the first
 * admin {@value DemoUsers#ADMIN}. Everything it serves is built from one {@link HostConfiguration}.
 * Start it with {@link #start(Config)} and stop it with {@link #close()}; {@link #main} runs it
 * from the command line. Thread-safe.
 */
public final class DemoHost implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int HTTP_THREADS = 16;
    /**
     * The JDK's HTTP server sends a response's headers and body in separate writes, which without
     * TCP_NODELAY wait for the client's delayed ACK: about 40 ms per response, whatever it holds
     * (measured with the load driver, docs/PERFORMANCE.md). The server reads this property once,
     * when the first one is created in the JVM; a value the user set wins.
     */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService threads;
    private final HostServices host;

    /**
     * How to run the host.
     *
     * @param port the HTTP port on 127.0.0.1; 0 picks any free port
     * @param adminPassword the password of {@value DemoUsers#ADMIN}; empty leaves the admin without
     *     one, so that the {@code initial-setup} flow sets it
     * @param smtpPort the port of the embedded SMTP server on 127.0.0.1; 0 picks any free port
     */
    public record Config(int port, Optional<Secret> adminPassword, int smtpPort) {
        /** Default port when {@code FLOWSTAGE_PORT} is not set. */
        public static final int DEFAULT_PORT = 9000;

        /** Validates the parts. */
        public Config {
            requirePort(port, "port");
            requirePort(smtpPort, "SMTP port");
            Objects.requireNonNull(adminPassword, "adminPassword");
            if (adminPassword.filter(Secret::isEmpty).isPresent()) {
                throw new IllegalArgumentException("the admin password must not be empty");
            }
        }

        /** Returns a config for {@code port} with {@code demoPassword} as the admin's password and any free SMTP port. */
        public Config(int port, Secret demoPassword) {
            this(port, Optional.of(Objects.requireNonNull(demoPassword, "demoPassword")), 0);
        }

        /**
         * Returns the config from {@code FLOWSTAGE_PORT} (default {@value #DEFAULT_PORT}),
         * {@code FLOWSTAGE_SMTP_PORT} (default any free port) and {@code FLOWSTAGE_DEMO_PASSWORD}
         * (default none: the admin sets it through the initial setup).
         *
         * @throws IllegalArgumentException when a port is not a port number
         */
        public static Config fromEnvironment(Map<String, String> env) {
            String password = env.get("FLOWSTAGE_DEMO_PASSWORD");
            Optional<Secret> secret = password == null || password.isEmpty() ? Optional.empty() : Optional.of(Secret.of(password));
            return new Config(port(env.get("FLOWSTAGE_PORT"), "FLOWSTAGE_PORT", DEFAULT_PORT), secret,
                    port(env.get("FLOWSTAGE_SMTP_PORT"), "FLOWSTAGE_SMTP_PORT", 0));
        }

        private static int port(String value, String name, int fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number between 0 and 65535, got '"
                        + value + "'", e);
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(name + " must be a port number between 0 and 65535, got " + port);
            }
            return port;
        }

        private static void requirePort(int port, String what) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(what + " must be between 0 and 65535, got " + port);
            }
        }
    }

    private DemoHost(HttpServer server, ExecutorService threads, HostServices host) {
        this.server = server;
        this.threads = threads;
        this.host = host;
    }

    /**
     * Starts the demo on in-memory stores (it forgets everything when stopped) on 127.0.0.1.
     *
     * @throws IOException when a port cannot be bound
     * @throws dev.flowstage.core.blueprint.BlueprintException when a blueprint does not apply
     */
    public static DemoHost start(Config config) throws IOException {
        return start(config, HostConfiguration.inMemory(config.adminPassword(), Argon2idHasher.withDefaults()));
    }

    /**
     * Starts serving {@code configuration} on 127.0.0.1: applies the blueprints (see
     * {@link HostBlueprints}) with mailed links under the host's base URL ({@code http://127.0.0.1:<port>}).
     *
     * @throws IOException when a port cannot be bound
     * @throws dev.flowstage.core.blueprint.BlueprintException when a blueprint does not apply
     */
    static DemoHost start(Config config, HostConfiguration configuration) throws IOException {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, config.port()), 0);
        MailServer mail = null;
        Applications applications = null;
        FlowEngine engine = null;
        try {
            mail = MailServer.start(config.smtpPort());
            SecureRandom random = new SecureRandom();
            Clock clock = Clock.systemUTC();
            AtomicReference<Applications> registry = new AtomicReference<>(); // the blueprints define the applications
            engine = configuration.engine(mail.mailer(), slug -> Optional.ofNullable(registry.get())
                    .flatMap(known -> known.find(slug)).map(Application::name), clock, random);
            HostBlueprints.Applied applied = HostBlueprints.apply(engine, configuration,
                    "http://" + LOOPBACK + ":" + server.getAddress().getPort());
            applications = new Applications(applied.applications());
            registry.set(applications);
            return serve(server, new HostServices(configuration, engine, applied.brands(), new Sessions(clock, random),
                    applications, mail, clock, random));
        } catch (RuntimeException | Error e) { // an Error too: the mail server's thread would keep the JVM alive
            server.stop(0);
            closeAll(engine, applications, mail);
            throw e;
        }
    }

    private static DemoHost serve(HttpServer server, HostServices host) {
        ExecutorHandler executor = new ExecutorHandler(host.engine, host.sessions, new HostChallenges(host.engine, host.random),
                host::completed, id -> host.configuration.executions().find(id).map(StoredExecution::flowSlug));
        Routes.install(server, host, executor, new CancelHandler(host.engine, host.sessions));
        ExecutorService threads = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
        server.setExecutor(threads);
        server.start();
        return new DemoHost(server, threads, host);
    }

    /** Returns the port the host listens on (the chosen one when the config said 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the host's base URL, {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://" + LOOPBACK + ":" + port());
    }

    /** Returns the port of the embedded SMTP server. */
    public int smtpPort() {
        return host.mail.port();
    }

    /** Returns what the handlers share (for tests and the walkthrough). */
    HostServices services() {
        return host;
    }

    /** Stops serving at once and releases the engine, the policy threads and the mail server. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        closeAll(host.engine, host.applications, host.mail);
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                // closing the rest matters more than reporting this one
            }
        }
    }

    /**
     * Runs the host until the process is stopped, printing the URL, the initial-setup link or the
     * admin password, and a walkthrough. When it cannot start (a port in use, the database open in
     * another process, a blueprint with problems) it prints why, without a stack trace unless
     * {@code FLOWSTAGE_DEBUG} is set, and exits with status 2.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        JdbcStores stores = null;
        DemoHost host;
        Config config;
        Path data;
        Path blueprints;
        try {
            data = Path.of(env.getOrDefault("FLOWSTAGE_DATA", "data"));
            blueprints = Path.of(env.getOrDefault("FLOWSTAGE_BLUEPRINTS", data.resolve("blueprints").toString()));
            config = Config.fromEnvironment(env);
            stores = JdbcStores.h2File(data);
            host = start(config, HostConfiguration.jdbc(stores, config.adminPassword(), Argon2idHasher.withDefaults(),
                    SealerKey.inFolder(data), Optional.of(blueprints)));
        } catch (IOException | RuntimeException e) {
            System.err.println("The Flowstage demo host did not start: " + e.getMessage());
            if (env.containsKey("FLOWSTAGE_DEBUG")) {
                e.printStackTrace();
            }
            closeAll(stores);
            System.exit(2);
            return;
        }
        JdbcStores opened = stores;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            opened.close();
            stopped.countDown();
        }, "flowstage-demo-shutdown"));
        System.out.println("Data: " + data.toAbsolutePath() + " (H2; delete the folder to start over)");
        System.out.println("Blueprints: Flowstage's defaults, the demo's, then " + blueprints.toAbsolutePath()
                + "/*.yaml (FLOWSTAGE_BLUEPRINTS), applied at every start");
        System.out.println(Walkthrough.banner(host.baseUri(), host.smtpPort(), config.adminPassword(),
                InitialSetup.pending(host.host.configuration.users(), DemoUsers.ADMIN)));
        stopped.await();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "flowstage-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
