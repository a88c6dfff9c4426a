package dev.flowstage.stages.testing;

import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.spi.Expressions;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.PolicyCheck;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.spi.Tokens;
import dev.flowstage.spi.UserDirectory;
import dev.flowstage.spi.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage context for unit tests: in-memory (writable) users, a fixed clock unless one is set, a
 * seeded random source, a cheap counting hasher, recorded events, {@link TestTokens}. Expressions and
 * policy checks are not available. Not thread-safe; {@link #apply} carries a result's update over to
 * the next call, as the engine would.
 */
public final class TestContext<C> implements StageContext<C> {
    /** The instant of the fixed clock. */
    public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final C config;
    private final InMemoryUsers users = new InMemoryUsers();
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final List<FlowEvent> events = new ArrayList<>();
    private final SecureRandom random = Fixtures.seededRandom(7);
    private final CountingHasher hasher = new CountingHasher(Fixtures.HASHER);
    private String stageName = "test-stage";
    private Designation designation = Designation.AUTHENTICATION;
    private FlowContext context = FlowContext.empty();
    private RequestInfo request = RequestInfo.anonymous();
    private String flowSlug = "test-flow";
    private UserStore userStore = users;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private TestTokens tokens;

    private TestContext(C config) {
        this.config = config;
        services.put(PasswordHasher.class, hasher);
    }

    /** Returns a context for a stage configured with {@code config}, named test-stage, in an authentication flow. */
    public static <C> TestContext<C> of(C config) {
        return new TestContext<>(config);
    }

    /** Names the stage {@code name}. */
    public TestContext<C> named(String name) {
        this.stageName = name;
        return this;
    }

    /** Sets the flow's designation. */
    public TestContext<C> designated(Designation value) {
        this.designation = value;
        return this;
    }

    /** Adds {@code user} to the directory. */
    public TestContext<C> withUser(User user) {
        users.add(user);
        return this;
    }

    /** Sets {@code key} to {@code value} in the context. */
    public <T> TestContext<C> with(ContextKey<T> key, T value) {
        context = context.with(key, value);
        return this;
    }

    /** Sets the context value named {@code name} to {@code value} untyped, as a persisted execution holds it. */
    public TestContext<C> withRaw(String name, Object value) {
        Map<String, Object> values = new HashMap<>(context.asMap());
        values.put(name, value);
        context = FlowContext.of(values);
        return this;
    }

    /** Makes {@code value} the request being handled. */
    public TestContext<C> withRequest(RequestInfo value) {
        this.request = value;
        return this;
    }

    /** Sets the flow's slug (default {@code test-flow}). */
    public TestContext<C> inFlow(String slug) {
        this.flowSlug = slug;
        return this;
    }

    /** Replaces the fixed clock at {@link #NOW} with {@code value}. */
    public TestContext<C> withClock(Clock value) {
        this.clock = value;
        return this;
    }

    /** Registers {@code service} as the service of {@code type}, replacing any other. */
    public <S> TestContext<C> withService(Class<S> type, S service) {
        services.put(type, service);
        return this;
    }

    /** Makes {@code store} the writable store, leaving {@link #users()} reading the in-memory one. */
    public TestContext<C> withUserStore(UserStore store) {
        this.userStore = store;
        return this;
    }

    /** Returns the in-memory user store behind {@link #users()} (and {@link #userStore()} unless replaced). */
    public InMemoryUsers store() {
        return users;
    }

    /** Returns the in-memory users (same as {@link #store()}). */
    public InMemoryUsers userDirectory() {
        return users;
    }

    /** Returns the link tokens of this context's execution and stage (the same instance on every call). */
    public TestTokens testTokens() {
        if (tokens == null) {
            tokens = new TestTokens(() -> clock.instant(), random, executionId(), stageName,
                    () -> pendingUser().map(PendingUser::id).orElse(""));
        }
        return tokens;
    }

    /** Removes every service, so that looking one up fails. */
    public TestContext<C> withoutServices() {
        services.clear();
        return this;
    }

    /** Applies {@code result}'s update to the context and returns the result. */
    public StageResult apply(StageResult result) {
        context = result.update().applyTo(context);
        return result;
    }

    /** Returns the counting hasher registered as the {@link PasswordHasher} service. */
    public CountingHasher hasher() {
        return hasher;
    }

    /** Returns the events published so far. */
    public List<FlowEvent> events() {
        return events;
    }

    @Override public C config() { return config; }
    @Override public String stageName() { return stageName; }
    @Override public ExecutionId executionId() { return ExecutionId.of("exec-0000000000000001"); }
    @Override public String flowSlug() { return flowSlug; }
    @Override public Designation designation() { return designation; }
    @Override public FlowContext context() { return context; }
    @Override public RequestInfo request() { return request; }
    @Override public UserDirectory users() { return users; }
    @Override public UserStore userStore() { return userStore; }
    @Override public Tokens tokens() { return testTokens(); }
    @Override public Clock clock() { return clock; }
    @Override public SecureRandom random() { return random; }
    @Override public void publish(FlowEvent event) { events.add(event); }

    @Override
    public <S> S service(Class<S> type) {
        return findService(type).orElseThrow(() -> new IllegalStateException("no service " + type.getName()));
    }

    @Override
    public <S> Optional<S> findService(Class<S> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    @Override
    public Expressions expressions() {
        throw new UnsupportedOperationException("expressions are not available in stage unit tests");
    }

    @Override
    public PolicyCheck checkPolicies(List<PolicyDefinition> policies, PolicyEngineMode mode, FlowContext context) {
        throw new UnsupportedOperationException("policy checks are not available in stage unit tests");
    }
}
