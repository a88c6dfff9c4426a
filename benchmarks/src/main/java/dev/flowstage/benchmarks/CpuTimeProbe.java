package dev.flowstage.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cross-check of the JMH scores that other processes on a shared machine cannot inflate: it
 * runs the benchmarks' operations on this thread and reports the thread's CPU time per operation
 * (time spent waiting for a core is not counted). Each operation gets {@code warmup} seconds of
 * warm-up, then 5 rounds of about 2 s of CPU time; the median and the range of the rounds are
 * printed. JMH's Blackhole is not used, so results are consumed into a checksum instead. Run it
 * with {@code java -cp benchmarks/target/benchmarks.jar dev.flowstage.benchmarks.CpuTimeProbe [warmup seconds]}.
 */
public final class CpuTimeProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 5;
    private static final long ROUND_CPU_NANOS = 2_000_000_000L;
    private static long checksum;

    private CpuTimeProbe() {}

    /** Runs every operation; the optional argument is the warm-up per operation in seconds (default 10). */
    public static void main(String[] args) {
        long warmupNanos = (args.length > 0 ? Long.parseLong(args[0]) : 10) * 1_000_000_000L;
        System.out.printf("%-46s %12s %25s%n", "operation", "median", "range of 5 rounds");
        for (Map.Entry<String, Supplier<Object>> operation : operations().entrySet()) {
            double[] nanosPerOp = measure(operation.getValue(), warmupNanos);
            Arrays.sort(nanosPerOp);
            System.out.printf("%-46s %9.3f us %11.3f .. %8.3f us%n", operation.getKey(), nanosPerOp[ROUNDS / 2] / 1e3,
                    nanosPerOp[0] / 1e3, nanosPerOp[ROUNDS - 1] / 1e3);
        }
        System.out.println("(checksum " + checksum + ")");
    }

    private static double[] measure(Supplier<Object> operation, long warmupNanos) {
        long warmEnd = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < warmEnd) {
            run(operation, 100);
        }
        double[] nanosPerOp = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long ops = 0;
            long start = THREADS.getCurrentThreadCpuTime();
            long used;
            do {
                run(operation, 100);
                ops += 100;
                used = THREADS.getCurrentThreadCpuTime() - start;
            } while (used < ROUND_CPU_NANOS);
            nanosPerOp[round] = (double) used / ops;
        }
        return nanosPerOp;
    }

    private static void run(Supplier<Object> operation, int times) {
        for (int i = 0; i < times; i++) {
            checksum += System.identityHashCode(operation.get()) & 1;
        }
    }

    /** The operations of the JMH benchmarks, each on its own set-up state (one engine each). */
    private static Map<String, Supplier<Object>> operations() {
        Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
        LoginBenchmark login = new LoginBenchmark();
        login.setUp();
        operations.put("LoginBenchmark.fullLogin", login::fullLogin);
        operations.put("LoginBenchmark.passwordVerifyOnly", login::passwordVerifyOnly);
        for (int stages : new int[] {10, 50}) {
            StepBenchmark step = new StepBenchmark();
            step.stages = stages;
            step.setUp();
            operations.put("StepBenchmark.submitStep (stages=" + stages + ")", step::submitStep);
            operations.put("StepBenchmark.submitStepJson (stages=" + stages + ")", step::submitStepJson);
        }
        for (int stages : new int[] {3, 10, 50}) {
            MachineBenchmark machine = new MachineBenchmark();
            machine.stages = stages;
            machine.setUp();
            operations.put("MachineBenchmark.fire (stages=" + stages + ")", machine::fire);
            operations.put("MachineBenchmark.transitionTableBaseline (" + stages + ")", machine::transitionTableBaseline);
        }
        PolicyBenchmark policy = new PolicyBenchmark();
        policy.setUp();
        operations.put("PolicyBenchmark.expressionEvaluation", policy::expressionEvaluation);
        operations.put("PolicyBenchmark.groupBindingBaseline", policy::groupBindingBaseline);
        operations.put("PolicyBenchmark.expressionOnly", policy::expressionOnly);
        CompileBenchmark compile = new CompileBenchmark();
        compile.setUp();
        operations.put("CompileBenchmark.compileTenStageFlow", compile::compileTenStageFlow);
        return operations;
    }
}
