package dev.flowstage.core.internal.exec;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ExecutionConflictException;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.ExecutionNotFoundException;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowNotFoundException;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.internal.compile.CompiledFlow;
import dev.flowstage.core.internal.compile.FlowCompiler;
import dev.flowstage.core.internal.machine.MachineStates;
import dev.flowstage.core.internal.protocol.MalformedBodyException;
import dev.flowstage.core.internal.protocol.WireCodec;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.StoredExecution;
import dev.flowstage.spi.StoredToken;
import dev.flowstage.api.TokenException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** The engine: loads executions, lets the runner move them, and persists them with a version check. */
public final class DefaultFlowEngine implements FlowEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefaultFlowEngine.class);
    private static final String PARSE_ERROR = "parse_error";
    private final EngineServices services;
    private final FlowRegistry registry;
    private final ExecutionStore store;
    private final ExecutionCodec codec;
    private final WireCodec wire;
    private final ExecutionRunner runner;
    private final Renderer renderer;
    private final RecoveryLinks recovery;
    private final AutoCloseable resources;
    private final Lock[] locks = stripes(64);

    /** Creates an engine; {@code resources} are closed with it. */
    DefaultFlowEngine(EngineServices services, FlowCompiler compiler, StageTools tools, ExecutionStore store,
            ExecutionCodec codec, WireCodec wire, AutoCloseable resources) {
        this.services = services;
        this.registry = new FlowRegistry(compiler);
        this.store = store;
        this.codec = codec;
        this.wire = wire;
        this.renderer = new Renderer(services.allowedRedirectHosts());
        this.runner = new ExecutionRunner(services, tools, renderer);
        this.recovery = new RecoveryLinks(services, renderer);
        this.resources = resources;
    }

    @Override
    public FlowResult start(String flowSlug, RequestInfo request) {
        Objects.requireNonNull(request, "request");
        CompiledFlow flow = registry.current(Objects.requireNonNull(flowSlug, "flowSlug"))
                .orElseThrow(() -> new FlowNotFoundException(flowSlug));
        Execution fresh = new Execution(ExecutionCodec.newId(services.random()), 0, flow.slug(), flow.version(),
                MachineStates.START, List.of(), FlowContext.empty(), request, services.clock().instant(), "", Instant.EPOCH);
        ExecutionRunner.Step step = runner.start(flow, fresh);
        store.insert(codec.encode(step.execution(), 1, expiry(step.execution())));
        return step.result();
    }

    @Override
    public FlowResult submit(ExecutionId id, ChallengeResponse response, RequestInfo request) {
        Objects.requireNonNull(response, "response");
        Lock lock = locks[Math.floorMod(Objects.requireNonNull(id, "id").hashCode(), locks.length)];
        lock.lock();
        try {
            return submitLocked(id, response, request);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Submits under this node's lock for the execution: a double-click reaches the second request's
     * stage only after the first was saved, so it sees the new state instead of burning the same
     * one-time tokens, invitations or codes and losing the version check. Across nodes the
     * optimistic version check still decides.
     */
    private FlowResult submitLocked(ExecutionId id, ChallengeResponse response, RequestInfo request) {
        Loaded loaded = loadActive(id);
        Execution execution = loaded.execution().withRequest(merge(loaded.execution().request(), request));
        if (RecoveryLinks.waiting(execution)) {
            return confirmRecovery(loaded, execution, response);
        }
        return save(loaded, runner.submit(loaded.flow(), execution, response));
    }

    @Override
    public FlowResult submitJson(ExecutionId id, String jsonBody, RequestInfo request) {
        ChallengeResponse response;
        try {
            response = wire.decode(jsonBody);
        } catch (MalformedBodyException e) {
            Loaded loaded = loadActive(id);
            if (RecoveryLinks.waiting(loaded.execution())) {
                return recovery.confirmation(loaded.flow(), loaded.execution(), "",
                        ResponseErrors.nonField(e.getMessage(), PARSE_ERROR));
            }
            return runner.render(loaded.flow(), loaded.execution(), ResponseErrors.nonField(e.getMessage(), PARSE_ERROR));
        }
        return submit(id, response, request);
    }

    @Override
    public FlowResult resume(String rawToken, RequestInfo request) {
        StoredToken token = ExecutionTokens.check(services, rawToken);
        if (token.executionId() == null) {
            return openRecovery(token, rawToken, request);
        }
        Loaded loaded;
        try {
            loaded = loadActive(token.executionId());
        } catch (ExecutionNotFoundException e) {
            throw new TokenException(TokenException.Reason.STALE);
        }
        Execution execution = loaded.execution();
        if (!loaded.flow().slug().equals(token.flowSlug())
                || !loaded.flow().binding(execution.currentBinding()).name().equals(token.stageName())) {
            throw new TokenException(TokenException.Reason.STALE);
        }
        Object header = token.data().getOrDefault("header", "Continue to confirm this email address.");
        return new FlowResult.Pending(execution.id(), renderer.confirmation(loaded.flow().definition(), execution,
                String.valueOf(header), rawToken));
    }

    /** Starts a held execution for a recovery key (a token without execution); see {@link RecoveryLinks}. */
    private FlowResult openRecovery(StoredToken token, String rawToken, RequestInfo request) {
        CompiledFlow flow = registry.current(token.flowSlug())
                .orElseThrow(() -> new TokenException(TokenException.Reason.STALE));
        Execution execution = recovery.open(token, flow, Objects.requireNonNull(request, "request"));
        store.insert(codec.encode(execution, 1, expiry(execution)));
        return recovery.confirmation(flow, execution, rawToken, ResponseErrors.none());
    }

    private FlowResult confirmRecovery(Loaded loaded, Execution execution, ChallengeResponse response) {
        RecoveryLinks.Confirmed confirmed = recovery.confirm(execution, response);
        if (confirmed.execution() == null) {
            return recovery.confirmation(loaded.flow(), execution, "", confirmed.errors());
        }
        return save(loaded, runner.start(loaded.flow(), confirmed.execution()));
    }

    @Override
    public FlowResult current(ExecutionId id) {
        Loaded loaded = load(id);
        if (RecoveryLinks.waiting(loaded.execution())) {
            return recovery.confirmation(loaded.flow(), loaded.execution(), "", ResponseErrors.none());
        }
        FlowResult result = runner.render(loaded.flow(), loaded.execution(), ResponseErrors.none());
        if (result instanceof FlowResult.Completed done) {
            // the login was handed out by the call that completed the flow; never hand it out again
            return new FlowResult.Completed(done.executionId(), Optional.empty(), false, done.redirect(), FlowContext.empty());
        }
        return result;
    }

    @Override
    public FlowResult.Cancelled cancel(ExecutionId id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Loaded> loaded;
            try {
                loaded = find(id);
            } catch (ExecutionNotFoundException e) {
                return new FlowResult.Cancelled(id, "/");
            }
            if (loaded.isEmpty() || loaded.get().execution().finished()) {
                return new FlowResult.Cancelled(id, loaded.map(l -> runner.cancelTarget(l.execution())).orElse("/"));
            }
            try {
                return (FlowResult.Cancelled) save(loaded.get(), runner.cancel(loaded.get().flow(), loaded.get().execution()));
            } catch (ExecutionConflictException e) {
                // a concurrent submit moved the execution: cancel the new state
            }
        }
        throw new ExecutionConflictException(id.value());
    }

    @Override
    public int purgeExpired() {
        Instant now = services.clock().instant();
        services.tokens().deleteExpired(now);
        return store.deleteExpired(now);
    }

    @Override
    public String toJson(FlowResult result) {
        return wire.encode(result.challenge());
    }

    @Override
    public String toJson(Challenge challenge) {
        return wire.encode(challenge);
    }

    @Override
    public Set<String> flowSlugs() {
        return registry.slugs();
    }

    @Override
    public void deploy(FlowDefinition definition) {
        registry.deploy(Objects.requireNonNull(definition, "definition"));
    }

    @Override
    public void check(FlowDefinition definition) {
        registry.check(Objects.requireNonNull(definition, "definition"));
    }

    @Override
    public boolean undeploy(String slug) {
        return registry.undeploy(Objects.requireNonNull(slug, "slug"));
    }

    @Override
    public Optional<FlowDefinition> definition(String slug) {
        return registry.current(slug).map(CompiledFlow::definition);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the engine failed", e);
        }
    }

    private record Loaded(CompiledFlow flow, Execution execution) {}

    private static Lock[] stripes(int count) {
        Lock[] stripes = new Lock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
        return stripes;
    }

    private Loaded loadActive(ExecutionId id) {
        Loaded loaded = load(id);
        if (loaded.execution().finished()) {
            throw new ExecutionNotFoundException(id.value(), ExecutionNotFoundException.Reason.FINISHED);
        }
        return loaded;
    }

    private Loaded load(ExecutionId id) {
        return find(id).orElseThrow(() -> new ExecutionNotFoundException(id.value(), ExecutionNotFoundException.Reason.UNKNOWN));
    }

    private Optional<Loaded> find(ExecutionId id) {
        Optional<StoredExecution> stored = store.find(Objects.requireNonNull(id, "id"));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (stored.get().expiresAt().isBefore(services.clock().instant())) {
            store.delete(id);
            throw new ExecutionNotFoundException(id.value(), ExecutionNotFoundException.Reason.EXPIRED);
        }
        Execution execution;
        try {
            execution = codec.decode(stored.get());
        } catch (IllegalStateException e) {
            LOG.warn("{}", e.getMessage());
            throw new ExecutionNotFoundException(id.value(), ExecutionNotFoundException.Reason.UNREADABLE);
        }
        CompiledFlow flow = registry.version(execution.flowSlug(), execution.flowVersion())
                .orElseThrow(() -> new ExecutionNotFoundException(id.value(), ExecutionNotFoundException.Reason.FLOW_VERSION_GONE));
        return Optional.of(new Loaded(flow, execution));
    }

    private FlowResult save(Loaded loaded, ExecutionRunner.Step step) {
        long version = loaded.execution().version();
        Execution old = loaded.execution();
        boolean moved = !step.execution().id().equals(old.id());
        Execution atOldId = moved ? old.finish(MachineStates.CANCELLED, "/") : step.execution();
        if (!store.replace(codec.encode(atOldId, version + 1, expiry(atOldId)), version)) {
            throw new ExecutionConflictException(old.id().value());
        }
        if (moved) {
            store.insert(codec.encode(step.execution(), 1, expiry(step.execution())));
        }
        return step.result();
    }

    private Instant expiry(Execution execution) {
        Instant idle = services.clock().instant().plus(services.idleTimeout());
        return execution.finished() || idle.isAfter(execution.holdUntil()) ? idle : execution.holdUntil();
    }

    /** Keeps the flow's query from the start unless the new request carries one. */
    private static RequestInfo merge(RequestInfo started, RequestInfo now) {
        if (now == null) {
            return started;
        }
        return now.query().isEmpty() ? now.withQuery(started.query()) : now;
    }
}
