package dev.flowstage.benchmarks;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.InMemoryExecutionStore;
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
 * Compiling a 10-stage flow through {@link FlowEngine#deploy}: config validation, three MVEL
 * expression policies (bound on five bindings), the Spring state machine factory and the version
 * hash. The definitions are built in setup and differ by title; consecutive deploys always differ,
 * so the registry's same-definition shortcut never applies and every deploy compiles in full.
 * Cycling through {@value #DEFINITIONS} definitions keeps the registry (which retains every
 * version it ever compiled) at a bounded size during the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {
    static final int DEFINITIONS = 1024;

    private FlowEngine engine;
    private FlowDefinition[] definitions;
    private int next;

    /** Builds one engine per trial and the definitions to deploy. */
    @Setup(Level.Trial)
    public void setUp() {
        var hasher = Fixtures.cheapHasher();
        engine = Fixtures.engine(hasher, Fixtures.users(hasher), new InMemoryExecutionStore());
        definitions = new FlowDefinition[DEFINITIONS];
        for (int i = 0; i < DEFINITIONS; i++) {
            definitions[i] = Fixtures.tenStages("Compiled flow #" + i);
        }
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Deploys (compiles) the next definition. */
    @Benchmark
    public FlowEngine compileTenStageFlow() {
        engine.deploy(definitions[next]);
        next = (next + 1) % DEFINITIONS;
        return engine;
    }
}
