package dev.flowstage.benchmarks;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.core.InMemoryExecutionStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JFR-free sampling profile of {@link StepBenchmark#submitStep}: one thread runs steps of the
 * dummy flow while this one samples its stack every millisecond and counts, for each part of the
 * executor, the share of samples whose stack contains it (inclusive time). Stack samples are taken
 * at safepoints, so shares are approximate; they cross-check the JMH ratio
 * {@code MachineBenchmark.fire / StepBenchmark.submitStep}. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.flowstage.benchmarks.StepProfile [stages] [seconds]}.
 */
public final class StepProfile {
    private static final RequestInfo REQUEST = RequestInfo.anonymous();
    /** Inclusive markers: label → "class simple name#method" a frame must match. */
    private static final Map<String, String> MARKERS = markers();

    private StepProfile() {}

    /**
     * Warms up for 10 s, then samples for {@code seconds} (default 20) steps of a flow of
     * {@code stages} (default 10) dummy stages, or with {@code stages} = {@code login} full logins
     * as {@link LoginBenchmark#fullLogin} runs them.
     */
    public static void main(String[] args) throws InterruptedException {
        boolean login = args.length > 0 && args[0].equals("login");
        int stages = args.length > 0 && !login ? Integer.parseInt(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        var hasher = Fixtures.cheapHasher();
        InMemoryExecutionStore store = new InMemoryExecutionStore();
        var flow = login ? Fixtures.login() : Fixtures.dummySteps(stages);
        try (FlowEngine engine = Fixtures.engine(hasher, Fixtures.users(hasher), store, flow)) {
            AtomicBoolean running = new AtomicBoolean(true);
            long[] steps = new long[1];
            Thread worker = new Thread(() -> steps[0] = login ? logins(engine, store, running) : loop(engine, store, running),
                    "step-worker");
            worker.start();
            Thread.sleep(10_000);
            long stepsBefore = steps[0];
            Tally tally = new Tally();
            int samples = sample(worker, seconds * 1000L, tally);
            running.set(false);
            worker.join();
            report(login ? "full login" : stages + "-stage dummy flow", samples, tally);
            System.out.printf("(%d %s while sampling)%n", steps[0] - stepsBefore, login ? "logins" : "steps");
        }
    }

    private static long logins(FlowEngine engine, InMemoryExecutionStore store, AtomicBoolean running) {
        long count = 0;
        while (running.get()) {
            ExecutionId id = engine.start(Fixtures.LOGIN, REQUEST).executionId();
            engine.submit(id, Fixtures.IDENTIFY, REQUEST);
            if (!engine.submit(id, Fixtures.ANSWER_PASSWORD, REQUEST).isFinished()) {
                throw new IllegalStateException("login did not complete");
            }
            store.delete(id);
            count++;
        }
        return count;
    }

    private static long loop(FlowEngine engine, InMemoryExecutionStore store, AtomicBoolean running) {
        long count = 0;
        ExecutionId id = engine.start(Fixtures.STEPS, REQUEST).executionId();
        while (running.get()) {
            FlowResult result = engine.submit(id, Fixtures.EMPTY, REQUEST);
            if (result.isFinished()) {
                store.delete(id);
                id = engine.start(Fixtures.STEPS, REQUEST).executionId();
            }
            count++;
        }
        return count;
    }

    /** What the samples showed. */
    private static final class Tally {
        final Map<String, Integer> inclusive = new LinkedHashMap<>();
        final Map<String, Integer> topPackages = new TreeMap<>();
        final Map<String, Integer> fireLines = new TreeMap<>();
        final Map<String, Integer> jdkCallers = new TreeMap<>();

        void add(StackTraceElement[] stack) {
            MARKERS.forEach((label, marker) -> {
                if (indexOf(stack, marker) >= 0) {
                    inclusive.merge(label, 1, Integer::sum);
                }
            });
            topPackages.merge(packageOf(stack[0].getClassName()), 1, Integer::sum);
            int fire = indexOf(stack, ".SpringFlowMachine#fire");
            if (fire > 0) {
                String callee = stack[fire - 1].getClassName().replaceAll(".*\\.", "") + "." + stack[fire - 1].getMethodName();
                fireLines.merge("SpringFlowMachine.java:" + stack[fire].getLineNumber() + " -> " + callee, 1, Integer::sum);
            }
            if (stack[0].getClassName().startsWith("java.util.regex")) {
                for (StackTraceElement frame : stack) {
                    if (!frame.getClassName().startsWith("java.")) {
                        jdkCallers.merge("regex from " + frame.getClassName() + "." + frame.getMethodName(), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
    }

    private static int sample(Thread worker, long millis, Tally tally) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        int samples = 0;
        while (System.currentTimeMillis() < end) {
            StackTraceElement[] stack = worker.getStackTrace();
            if (stack.length > 0) {
                samples++;
                tally.add(stack);
            }
            Thread.sleep(1);
        }
        return samples;
    }

    private static int indexOf(StackTraceElement[] stack, String marker) {
        int hash = marker.indexOf('#');
        String type = marker.substring(0, hash);
        String method = marker.substring(hash + 1);
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getMethodName().equals(method) && stack[i].getClassName().endsWith(type)) {
                return i;
            }
        }
        return -1;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot);
    }

    private static void report(String what, int samples, Tally tally) {
        System.out.printf("profile of %s, %d samples (inclusive share of samples)%n", what, samples);
        MARKERS.keySet().forEach(label -> System.out.printf("  %-62s %5.1f %%%n", label,
                100.0 * tally.inclusive.getOrDefault(label, 0) / samples));
        print("inside SpringFlowMachine.fire, by line (see the source):", tally.fireLines, samples, 10);
        print("top frame by package (self share):", tally.topPackages, samples, 12);
        print("callers of java.util.regex (self share):", tally.jdkCallers, samples, 6);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> System.out.printf("  %-62s %5.1f %%%n", entry.getKey(), 100.0 * entry.getValue() / samples));
    }

    private static Map<String, String> markers() {
        Map<String, String> markers = new LinkedHashMap<>();
        markers.put("engine.submit", ".DefaultFlowEngine#submit");
        markers.put("  load: ExecutionCodec.decode", ".ExecutionCodec#decode");
        markers.put("  stage submit (DummyStage.submit)", ".DummyStage#submit");
        markers.put("  machine: SpringFlowMachine.fire", ".SpringFlowMachine#fire");
        markers.put("    reset to the stored state (stop, reset, start)", ".SpringFlowMachine#reset");
        markers.put("    guard: Planner.admits", ".Planner#admits");
        markers.put("    Spring SM debug strings (AbstractStateMachine.toString)", ".AbstractStateMachine#toString");
        markers.put("  render next challenge: ExecutionRunner.render", ".ExecutionRunner#render");
        markers.put("  save: ExecutionCodec.encode", ".ExecutionCodec#encode");
        markers.put("  save: InMemoryExecutionStore.replace", ".InMemoryExecutionStore#replace");
        markers.put("engine.start (amortised new execution)", ".DefaultFlowEngine#start");
        markers.put("password hash (Argon2idHasher.verify)", ".Argon2idHasher#verify");
        markers.put("user lookup (UserDirectory)", "UserDirectory#findByUsername");
        markers.put("new execution id (ExecutionCodec.newId)", ".ExecutionCodec#newId");
        return markers;
    }
}
