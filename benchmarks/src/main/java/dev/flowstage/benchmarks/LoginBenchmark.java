package dev.flowstage.benchmarks;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.Secret;
import dev.flowstage.core.InMemoryExecutionStore;
import dev.flowstage.spi.PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One full in-process login (start → identification → password → user_login → completed) on the
 * in-memory store, with Argon2id at the cheap test parameters; {@link #passwordVerifyOnly} is that
 * hash alone, so that {@code fullLogin - passwordVerifyOnly} is the engine's share.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoginBenchmark {
    private final RequestInfo request = RequestInfo.anonymous();
    private PasswordHasher hasher;
    private String aliceHash;
    private InMemoryExecutionStore store;
    private FlowEngine engine;

    /** Builds one engine per trial with the sign-in flow and the user alice. */
    @Setup(Level.Trial)
    public void setUp() {
        hasher = Fixtures.cheapHasher();
        var users = Fixtures.users(hasher);
        aliceHash = users.findByUsername(Fixtures.USERNAME).orElseThrow().passwordHash();
        store = new InMemoryExecutionStore();
        engine = Fixtures.engine(hasher, users, store, Fixtures.login());
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /**
     * Runs one login to completion. The finished execution is deleted afterwards (as a host's
     * housekeeping would), so that the store does not grow during the run.
     */
    @Benchmark
    public FlowResult fullLogin() {
        FlowResult first = Fixtures.expect(engine.start(Fixtures.LOGIN, request), "ak-stage-identification");
        ExecutionId id = first.executionId();
        Fixtures.expect(engine.submit(id, Fixtures.IDENTIFY, request), "ak-stage-password");
        FlowResult done = engine.submit(id, Fixtures.ANSWER_PASSWORD, request);
        if (!(done instanceof FlowResult.Completed completed) || completed.login().isEmpty()) {
            throw new IllegalStateException("expected a completed login, got " + done);
        }
        store.delete(id);
        return done;
    }

    /** Verifies alice's password once with the same hasher: the hash cost inside {@link #fullLogin}. */
    @Benchmark
    public boolean passwordVerifyOnly() {
        return hasher.verify(Secret.of(Fixtures.PASSWORD), aliceHash);
    }
}
