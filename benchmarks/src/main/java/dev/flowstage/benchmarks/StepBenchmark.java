package dev.flowstage.benchmarks;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.core.InMemoryExecutionStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One challenge/response step in steady state: a response is submitted to a waiting dummy stage
 * of a flow of {@code stages} dummy stages, and the next challenge comes back. When the execution
 * completes (once every {@code stages} operations) it is deleted and a new one started, so that
 * start and completion are amortised over {@code stages} steps. Each step loads and decodes the
 * execution, runs the stage, fires one machine event, renders the next challenge, encodes the
 * execution and replaces it in the store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StepBenchmark {
    private static final String JSON_BODY = "{\"component\":\"ak-stage-dummy\"}";

    /** The number of dummy stages in the flow. */
    @Param({"10", "50"})
    public int stages;

    private final RequestInfo request = RequestInfo.anonymous();
    private InMemoryExecutionStore store;
    private FlowEngine engine;
    private ExecutionId current;

    /** Builds one engine per trial with the dummy flow, and starts the first execution. */
    @Setup(Level.Trial)
    public void setUp() {
        var hasher = Fixtures.cheapHasher();
        store = new InMemoryExecutionStore();
        engine = Fixtures.engine(hasher, Fixtures.users(hasher), store, Fixtures.dummySteps(stages));
        current = startExecution();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Submits an empty response to the current dummy stage and returns the next challenge. */
    @Benchmark
    public FlowResult submitStep() {
        return advance(engine.submit(current, Fixtures.EMPTY, request));
    }

    /** The same step through the wire codec: a JSON body in, the next challenge as JSON out. */
    @Benchmark
    public String submitStepJson() {
        FlowResult result = engine.submitJson(current, JSON_BODY, request);
        String json = engine.toJson(result);
        advance(result);
        return json;
    }

    private FlowResult advance(FlowResult result) {
        if (result instanceof FlowResult.Completed) {
            store.delete(current);
            current = startExecution();
        } else if (!(result instanceof FlowResult.Pending)) {
            throw new IllegalStateException("expected a pending or completed result, got " + result);
        }
        return result;
    }

    private ExecutionId startExecution() {
        return Fixtures.expect(engine.start(Fixtures.STEPS, request), "ak-stage-dummy").executionId();
    }
}
