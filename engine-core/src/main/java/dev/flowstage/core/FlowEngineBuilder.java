package dev.flowstage.core;

import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.internal.exec.DefaultFlowEngine;
import dev.flowstage.core.internal.exec.EngineAssembly;
import dev.flowstage.core.internal.exec.EngineServices;
import dev.flowstage.policy.BuiltinPolicyTypes;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.FlowEventListener;
import dev.flowstage.spi.PolicyType;
import dev.flowstage.spi.SecretSealer;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.TokenStore;
import dev.flowstage.spi.UserDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a {@link FlowEngine}. Not thread-safe; build once and share the engine, which is.
 *
 * <p>Stages are registered explicitly ({@link #stage}); the built-in policy types (expression,
 * dummy) are always present. Defaults: in-memory execution and token stores, empty in-memory user directory,
 * system UTC clock, {@code SecureRandom}, 30-minute idle timeout, 64 KiB response bodies, relative
 * redirects only.
 */
public final class FlowEngineBuilder {
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private UserDirectory users = new InMemoryUserDirectory();
    private ExecutionStore executions = new InMemoryExecutionStore();
    private TokenStore tokens = new InMemoryTokenStore();
    private final List<FlowEventListener> listeners = new ArrayList<>();
    private final Map<String, Stage<?>> stages = new LinkedHashMap<>();
    private final Map<String, PolicyType<?>> policyTypes = new LinkedHashMap<>();
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final List<FlowDefinition> flows = new ArrayList<>();
    private final Set<String> redirectHosts = new java.util.HashSet<>();
    private Duration idleTimeout = Duration.ofMinutes(30);
    private int maxBodyBytes = 64 * 1024;
    private int policyThreads = 4;

    FlowEngineBuilder() {
        BuiltinPolicyTypes.all().forEach(this::policyType);
    }

    /** Sets the clock all time is read from (tests pin it). */
    public FlowEngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Sets the random source for ids, tokens and salts (tests seed it). */
    public FlowEngineBuilder random(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /** Sets the host's user directory. */
    public FlowEngineBuilder users(UserDirectory users) {
        this.users = Objects.requireNonNull(users, "users");
        return this;
    }

    /** Sets where executions are persisted. */
    public FlowEngineBuilder executionStore(ExecutionStore store) {
        this.executions = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Sets where link tokens (email verification, recovery) are persisted. */
    public FlowEngineBuilder tokenStore(TokenStore store) {
        this.tokens = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Adds an event listener. */
    public FlowEngineBuilder listener(FlowEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Registers a stage type. Registering the same stage class again is a no-op.
     *
     * @throws IllegalArgumentException when a different stage class has the same type id
     */
    public FlowEngineBuilder stage(Stage<?> stage) {
        Objects.requireNonNull(stage, "stage");
        Stage<?> previous = stages.putIfAbsent(stage.typeId(), stage);
        if (previous != null && previous.getClass() != stage.getClass()) {
            throw new IllegalArgumentException("stage type '" + stage.typeId() + "' is registered twice ("
                    + previous.getClass().getName() + " and " + stage.getClass().getName() + ")");
        }
        return this;
    }

    /** Registers every stage of {@code stages}. */
    public FlowEngineBuilder stages(Collection<? extends Stage<?>> stages) {
        stages.forEach(this::stage);
        return this;
    }

    /** Registers a policy type; replaces a built-in type with the same id. */
    public FlowEngineBuilder policyType(PolicyType<?> type) {
        policyTypes.put(Objects.requireNonNull(type, "type").typeId(), type);
        return this;
    }

    /**
     * Registers a service stages can look up by {@code type} (a password hasher, a mail sender, ...).
     * A {@link SecretSealer} registered here also seals the secrets (passwords typed in one step and
     * hashed in a later one) of persisted executions, so that any node sharing the key can continue
     * them; without one, they are sealed with a key that lives only in this process.
     */
    public <S> FlowEngineBuilder service(Class<S> type, S service) {
        services.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(service, "service")));
        return this;
    }

    /** Adds a flow, compiled when the engine is built. */
    public FlowEngineBuilder flow(FlowDefinition flow) {
        flows.add(Objects.requireNonNull(flow, "flow"));
        return this;
    }

    /** Adds every flow of {@code flows}. */
    public FlowEngineBuilder flows(Collection<FlowDefinition> flows) {
        flows.forEach(this::flow);
        return this;
    }

    /** Sets how long an execution may be idle before it expires (default 30 minutes). */
    public FlowEngineBuilder idleTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, got " + timeout);
        }
        this.idleTimeout = timeout;
        return this;
    }

    /** Allows absolute redirects to {@code host} (redirects are otherwise relative only). */
    public FlowEngineBuilder allowRedirectHost(String host) {
        redirectHosts.add(Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT));
        return this;
    }

    /** Sets the largest accepted JSON response body in bytes (default 65536). */
    public FlowEngineBuilder maxBodyBytes(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("max body size must be at least 1024 bytes, got " + bytes);
        }
        this.maxBodyBytes = bytes;
        return this;
    }

    /** Sets how many threads run policies that may block (default 4). */
    public FlowEngineBuilder policyThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("policy threads must be at least 1, got " + threads);
        }
        this.policyThreads = threads;
        return this;
    }

    /**
     * Returns the engine.
     *
     * @throws FlowDefinitionException listing the problems of every flow added
     */
    public FlowEngine build() {
        SecureRandom rng = random != null ? random : new SecureRandom();
        EngineServices engineServices = new EngineServices(users, clock, rng, services,
                new EngineServices.Events(listeners), idleTimeout, redirectHosts, tokens);
        DefaultFlowEngine engine = EngineAssembly.assemble(engineServices, stages, policyTypes, executions, contextKeys(),
                maxBodyBytes, policyExecutor(policyThreads), (SecretSealer) services.get(SecretSealer.class));
        deployAll(engine);
        return engine;
    }

    private void deployAll(DefaultFlowEngine engine) {
        List<String> problems = new ArrayList<>();
        for (FlowDefinition flow : flows) {
            try {
                engine.deploy(flow);
            } catch (FlowDefinitionException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            engine.close();
            throw new FlowDefinitionException(problems);
        }
    }

    private Map<String, ContextKey<?>> contextKeys() {
        Map<String, ContextKey<?>> keys = new HashMap<>();
        ContextKeys.all().forEach(key -> keys.put(key.name(), key));
        stages.values().forEach(stage -> stage.contextKeys().forEach(key -> keys.put(key.name(), key)));
        return keys;
    }

    private static ExecutorService policyExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "flowstage-policy-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
