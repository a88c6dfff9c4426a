package dev.flowstage.benchmarks;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.core.InMemoryExecutionStore;
import dev.flowstage.spi.PasswordHasher;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the size of a persisted execution and the heap retained per in-flight execution and per
 * compiled flow version. Not a JMH benchmark: run it with
 * {@code java -XX:+UseSerialGC -Xmx1g -cp benchmarks/target/benchmarks.jar dev.flowstage.benchmarks.MemoryProbe [executions]}.
 * Heap figures are differences of the used heap after repeated full collections, so they include
 * everything an execution keeps reachable (store entry, id, stored JSON), and nothing transient.
 */
public final class MemoryProbe {
    private static final RequestInfo REQUEST = RequestInfo.anonymous();

    private MemoryProbe() {}

    /** Runs the probes; the optional argument is the number of executions (default 10000). */
    public static void main(String[] args) throws InterruptedException {
        int executions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        PasswordHasher hasher = Fixtures.cheapHasher();
        persistedSize(hasher);
        heapPerExecution(hasher, executions);
        heapPerFlowVersion(hasher, 200);
    }

    /** Prints StoredExecution.data of one login execution before and after identification. */
    private static void persistedSize(PasswordHasher hasher) {
        InMemoryExecutionStore store = new InMemoryExecutionStore();
        try (FlowEngine engine = Fixtures.engine(hasher, Fixtures.users(hasher), store, Fixtures.login())) {
            ExecutionId id = engine.start(Fixtures.LOGIN, REQUEST).executionId();
            String started = store.find(id).orElseThrow().data();
            Fixtures.expect(engine.submit(id, Fixtures.IDENTIFY, REQUEST), "ak-stage-password");
            String identified = store.find(id).orElseThrow().data();
            System.out.printf("persisted execution, identification pending: %d bytes (UTF-8)%n", utf8(started));
            System.out.printf("persisted execution, password pending (after identification): %d bytes (UTF-8)%n",
                    utf8(identified));
            System.out.println("  data: " + identified);
        }
    }

    /** Prints the heap retained per execution waiting at identification, then at password. */
    private static void heapPerExecution(PasswordHasher hasher, int count) throws InterruptedException {
        InMemoryExecutionStore store = new InMemoryExecutionStore();
        try (FlowEngine engine = Fixtures.engine(hasher, Fixtures.users(hasher), store, Fixtures.login())) {
            warmUp(engine, store);
            List<ExecutionId> ids = new ArrayList<>(count);
            long empty = usedAfterGc();
            for (int i = 0; i < count; i++) {
                ids.add(engine.start(Fixtures.LOGIN, REQUEST).executionId());
            }
            long started = usedAfterGc();
            for (ExecutionId id : ids) {
                Fixtures.expect(engine.submit(id, Fixtures.IDENTIFY, REQUEST), "ak-stage-password");
            }
            long identified = usedAfterGc();
            System.out.printf("heap per in-flight execution (%d in the in-memory store), identification pending: %d bytes%n",
                    store.size(), (started - empty) / count);
            System.out.printf("heap per in-flight execution, password pending: %d bytes%n", (identified - empty) / count);
            Reference.reachabilityFence(ids);
        }
    }

    /**
     * Prints the heap the engine retains per version of the 10-stage flow: deployed only, and
     * deployed and run once (which leaves one state machine in that version's pool).
     */
    private static void heapPerFlowVersion(PasswordHasher hasher, int versions) throws InterruptedException {
        InMemoryExecutionStore store = new InMemoryExecutionStore();
        try (FlowEngine engine = Fixtures.engine(hasher, Fixtures.users(hasher), store)) {
            for (int i = 0; i < 20; i++) {
                deployAndRun(engine, store, "warm-up " + i);
            }
            long before = usedAfterGc();
            for (int i = 0; i < versions; i++) {
                engine.deploy(Fixtures.tenStages("deployed only " + i));
            }
            long deployed = usedAfterGc();
            for (int i = 0; i < versions; i++) {
                deployAndRun(engine, store, "deployed and run " + i);
            }
            long run = usedAfterGc();
            long compiled = (deployed - before) / versions;
            long compiledAndRun = (run - deployed) / versions;
            System.out.printf("heap retained per compiled 10-stage flow version, deployed only (never evicted): %d bytes%n",
                    compiled);
            System.out.printf("heap retained per version deployed and run once: %d bytes (the pooled machine: %d bytes)%n",
                    compiledAndRun, compiledAndRun - compiled);
        }
    }

    private static void deployAndRun(FlowEngine engine, InMemoryExecutionStore store, String title) {
        engine.deploy(Fixtures.tenStages(title));
        FlowResult result = Fixtures.expect(engine.start("compiled-ten", REQUEST), "ak-stage-identification");
        store.delete(result.executionId());
    }

    private static void warmUp(FlowEngine engine, InMemoryExecutionStore store) {
        for (int i = 0; i < 2_000; i++) {
            ExecutionId id = engine.start(Fixtures.LOGIN, REQUEST).executionId();
            engine.submit(id, Fixtures.IDENTIFY, REQUEST);
            store.delete(id);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static int utf8(String data) {
        return data.getBytes(StandardCharsets.UTF_8).length;
    }
}
