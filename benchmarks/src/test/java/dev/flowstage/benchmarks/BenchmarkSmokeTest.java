package dev.flowstage.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowstage.api.FlowResult;
import dev.flowstage.core.internal.machine.FlowMachine;
import dev.flowstage.core.internal.machine.SpringFlowMachine;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** Runs every measured operation once, outside JMH, to check it does what its benchmark claims. No timing. */
class BenchmarkSmokeTest {

    @Test
    void fullLogin_once_completesWithALogin() {
        LoginBenchmark benchmark = new LoginBenchmark();
        benchmark.setUp();
        try {
            FlowResult result = benchmark.fullLogin();
            FlowResult.Completed completed = assertInstanceOf(FlowResult.Completed.class, result);
            assertTrue(completed.login().isPresent());
            assertTrue(benchmark.passwordVerifyOnly());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void submitStep_pastTheLastStage_completesAndStartsAFreshExecution() {
        StepBenchmark benchmark = new StepBenchmark();
        benchmark.stages = 3;
        benchmark.setUp();
        try {
            List<FlowResult> results = List.of(benchmark.submitStep(), benchmark.submitStep(), benchmark.submitStep(),
                    benchmark.submitStep());
            assertEquals(List.of(false, false, true, false), results.stream().map(FlowResult::isFinished).toList());
            assertNotEquals(results.get(0).executionId(), results.get(3).executionId());
            assertTrue(benchmark.submitStepJson().contains("\"component\":\"ak-stage-dummy\""));
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void policies_forAlice_pass() {
        PolicyBenchmark benchmark = new PolicyBenchmark();
        benchmark.setUp(); // throws unless all three pass
        benchmark.tearDown();
    }

    @Test
    void compileTenStageFlow_twice_deploysTwoVersions() {
        CompileBenchmark benchmark = new CompileBenchmark();
        benchmark.setUp();
        try {
            String first = benchmark.compileTenStageFlow().definition("compiled-ten").orElseThrow().title();
            String second = benchmark.compileTenStageFlow().definition("compiled-ten").orElseThrow().title();
            assertNotEquals(first, second);
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void fire_andTheTableBaseline_reachTheNextStage() {
        MachineBenchmark benchmark = new MachineBenchmark();
        benchmark.stages = 3;
        benchmark.setUp();
        assertEquals("stage:1", benchmark.fire());
        assertEquals("stage:2", benchmark.transitionTableBaseline());
        assertEquals("stage:1", benchmark.fire());
    }

    @Test
    void tableFlowMachine_everyDeclaredTransition_decidesAsTheSpringMachine() {
        SpringFlowMachine spring = SpringFlowMachine.compile(4);
        FlowMachine table = new TableFlowMachine(spring.transitions());
        List<IntPredicate> guards = List.of(index -> true, index -> false, index -> index % 2 == 1, index -> index == 3);
        for (FlowMachine.Transition row : spring.transitions()) {
            for (IntPredicate guard : guards) {
                assertEquals(spring.fire(row.from(), row.event(), guard), table.fire(row.from(), row.event(), guard),
                        row.toString());
            }
        }
    }
}
