package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpServer;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.Secret;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.stages.hash.Argon2idHasher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal host for Flowstage on the JDK's HTTP server: serves authentik's flow-executor protocol
 * at {@code /api/v3/flows/executor/{slug}/} on 127.0.0.1, with the flows of {@link DemoFlows} and a
 * demo user {@value DemoUsers#ADMIN}. Start it with {@link #start(Config)} and stop it with
 * {@link #close()}; {@link #main} runs it from the command line. Thread-safe.
 */
public final class DemoHost implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int HTTP_THREADS = 16;

    private final HttpServer server;
    private final ExecutorService threads;
    private final FlowEngine engine;

    /**
     * How to run the host.
     *
     * @param port the TCP port on 127.0.0.1; 0 picks any free port
     * @param demoPassword the password of {@value DemoUsers#ADMIN}, not empty
     */
    public record Config(int port, Secret demoPassword) {
        /** Default port when {@code FLOWSTAGE_PORT} is not set. */
        public static final int DEFAULT_PORT = 9000;

        /** Validates the parts. */
        public Config {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            Objects.requireNonNull(demoPassword, "demoPassword");
            if (demoPassword.isEmpty()) {
                throw new IllegalArgumentException("the demo password must not be empty");
            }
        }

        /**
         * Returns the config from {@code FLOWSTAGE_PORT} (default {@value #DEFAULT_PORT}) and
         * {@code FLOWSTAGE_DEMO_PASSWORD} (default: 24 random characters from {@code random}).
         *
         * @throws IllegalArgumentException when {@code FLOWSTAGE_PORT} is not a port number
         */
        public static Config fromEnvironment(Map<String, String> env, SecureRandom random) {
            String password = env.get("FLOWSTAGE_DEMO_PASSWORD");
            Secret secret = password == null || password.isEmpty() ? randomPassword(random) : Secret.of(password);
            return new Config(port(env.get("FLOWSTAGE_PORT")), secret);
        }

        private static int port(String value) {
            if (value == null || value.isBlank()) {
                return DEFAULT_PORT;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("FLOWSTAGE_PORT must be a port number between 0 and 65535, got '"
                        + value + "'", e);
            }
        }

        private static Secret randomPassword(SecureRandom random) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
    }

    private DemoHost(HttpServer server, ExecutorService threads, FlowEngine engine) {
        this.server = server;
        this.threads = threads;
        this.engine = engine;
    }

    /**
     * Builds the engine and starts serving on 127.0.0.1.
     *
     * @throws IOException when the port cannot be bound
     */
    public static DemoHost start(Config config) throws IOException {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        PasswordHasher hasher = Argon2idHasher.withDefaults();
        DemoUsers users = new DemoUsers(hasher, config.demoPassword());
        FlowEngine engine = DemoFlows.engine(users.directory(), hasher, clock, random);
        try {
            return serve(config, engine, users, new Sessions(clock, random), random);
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private static DemoHost serve(Config config, FlowEngine engine, DemoUsers users, Sessions sessions, SecureRandom random)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, config.port()), 0);
        Routes.install(server,
                new ExecutorHandler(engine, sessions, new HostChallenges(engine, random), users::completed),
                new CancelHandler(engine, sessions),
                new MeHandler(sessions, users));
        ExecutorService threads = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
        server.setExecutor(threads);
        server.start();
        return new DemoHost(server, threads, engine);
    }

    /** Returns the port the host listens on (the chosen one when the config said 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the host's base URL, {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://" + LOOPBACK + ":" + port());
    }

    /** Stops serving at once and releases the engine. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        engine.close();
    }

    /** Runs the host until the process is stopped, printing the URL, the demo password and a curl walkthrough. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Config config = Config.fromEnvironment(System.getenv(), new SecureRandom());
        DemoHost host = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stopped.countDown();
        }, "flowstage-demo-shutdown"));
        System.out.println(Walkthrough.text(host.baseUri(), config.demoPassword()));
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
