package dev.flowstage.core.internal.machine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntPredicate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.configurers.ChoiceTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * A {@link FlowMachine} on Spring Statemachine: one state per stage binding, a choice pseudo-state
 * after each (and after start) whose guards pick the next admitted binding, and terminal states.
 *
 * <p>Instances are pooled and reset to the stored state for each step. None of the terminal states
 * is declared as an end state, because machines that reached an end state never transition again
 * after a reset (spring-statemachine #966/#1065), which would poison the pool.
 */
public final class SpringFlowMachine implements FlowMachine {
    private static final String GUARD_HEADER = "flowstage.guard";
    private static final int MAX_POOLED = 64;

    private final StateMachineFactory<String, MachineEvent> factory;
    private final Queue<StateMachine<String, MachineEvent>> pool = new ConcurrentLinkedQueue<>();
    private final List<Transition> transitions;

    private SpringFlowMachine(StateMachineFactory<String, MachineEvent> factory, List<Transition> transitions) {
        this.factory = factory;
        this.transitions = List.copyOf(transitions);
    }

    /** Builds the machine of a flow with {@code bindingCount} stage bindings. */
    public static SpringFlowMachine compile(int bindingCount) {
        try {
            StateMachineBuilder.Builder<String, MachineEvent> builder = StateMachineBuilder.builder();
            List<Transition> table = new ArrayList<>();
            configureStates(builder, bindingCount);
            configureTransitions(builder, bindingCount, table);
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            return new SpringFlowMachine(builder.createFactory(), table);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the state machine of a flow with " + bindingCount + " stages", e);
        }
    }

    @Override
    public String fire(String from, MachineEvent event, IntPredicate admits) {
        StateMachine<String, MachineEvent> machine = acquire();
        GuardInput input = new GuardInput(admits);
        try {
            reset(machine, from);
            Message<MachineEvent> message =
                    MessageBuilder.withPayload(event).setHeader(GUARD_HEADER, input).build();
            List<StateMachineEventResult<String, MachineEvent>> results =
                    machine.sendEventCollect(Mono.just(message)).block();
            input.rethrow();
            boolean accepted = results != null && results.stream()
                    .anyMatch(result -> result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED);
            if (!accepted) {
                throw new IllegalStateException("event " + event + " is not legal in state " + from);
            }
            return machine.getState().getId();
        } finally {
            // no stop here: reset() stops a pooled machine before its next use, and stopping twice
            // per step cost a fifth of it (docs/PERFORMANCE.md)
            if (pool.size() < MAX_POOLED) {
                pool.offer(machine);
            }
        }
    }

    @Override
    public List<Transition> transitions() {
        return transitions;
    }

    private StateMachine<String, MachineEvent> acquire() {
        StateMachine<String, MachineEvent> machine = pool.poll();
        return machine != null ? machine : factory.getStateMachine();
    }

    private static void reset(StateMachine<String, MachineEvent> machine, String state) {
        machine.stopReactively().block();
        machine.getStateMachineAccessor().doWithAllRegions(access -> access.resetStateMachineReactively(
                        new DefaultStateMachineContext<>(state, null, null, null))
                .block());
        machine.startReactively().block();
    }

    private static void configureStates(StateMachineBuilder.Builder<String, MachineEvent> builder, int count)
            throws Exception {
        var states = builder.configureStates().withStates().initial(MachineStates.START);
        states.state(MachineStates.COMPLETED).state(MachineStates.DENIED).state(MachineStates.CANCELLED);
        for (int i = 0; i < count; i++) {
            states.state(MachineStates.stage(i));
        }
        if (count > 0) {
            states.choice(choice(-1));
            for (int i = 0; i < count - 1; i++) {
                states.choice(choice(i));
            }
        }
    }

    private static void configureTransitions(
            StateMachineBuilder.Builder<String, MachineEvent> builder, int count, List<Transition> table) throws Exception {
        var transitions = builder.configureTransitions();
        linkNext(transitions, MachineStates.START, MachineEvent.BEGIN, -1, count, table);
        transitions.withExternal().source(MachineStates.START).target(MachineStates.CANCELLED).event(MachineEvent.CANCEL);
        table.add(new Transition(MachineStates.START, MachineEvent.CANCEL, List.of(MachineStates.CANCELLED)));
        for (int i = 0; i < count; i++) {
            String stage = MachineStates.stage(i);
            linkNext(transitions, stage, MachineEvent.PROCEED, i, count, table);
            for (MachineEvent event : EnumSet.of(MachineEvent.DENY, MachineEvent.CANCEL)) {
                String target = event == MachineEvent.DENY ? MachineStates.DENIED : MachineStates.CANCELLED;
                transitions.withExternal().source(stage).target(target).event(event);
                table.add(new Transition(stage, event, List.of(target)));
            }
            transitions.withExternal().source(stage).target(choice(-1)).event(MachineEvent.RESTART);
            table.add(new Transition(stage, MachineEvent.RESTART, candidates(-1, count)));
        }
    }

    /** Links {@code source} on {@code event} to the next admitted binding after {@code after}, else completion. */
    private static void linkNext(
            org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer<String, MachineEvent> transitions,
            String source,
            MachineEvent event,
            int after,
            int count,
            List<Transition> table)
            throws Exception {
        table.add(new Transition(source, event, candidates(after, count)));
        if (after + 1 >= count) {
            transitions.withExternal().source(source).target(MachineStates.COMPLETED).event(event);
            return;
        }
        transitions.withExternal().source(source).target(choice(after)).event(event);
        ChoiceTransitionConfigurer<String, MachineEvent> choice =
                transitions.withChoice().source(choice(after)).first(MachineStates.stage(after + 1), guard(after + 1));
        for (int j = after + 2; j < count; j++) {
            choice = choice.then(MachineStates.stage(j), guard(j));
        }
        choice.last(MachineStates.COMPLETED);
    }

    private static List<String> candidates(int after, int count) {
        List<String> targets = new ArrayList<>();
        for (int j = after + 1; j < count; j++) {
            targets.add(MachineStates.stage(j));
        }
        targets.add(MachineStates.COMPLETED);
        return targets;
    }

    private static String choice(int after) {
        return "choice:" + after;
    }

    private static Guard<String, MachineEvent> guard(int index) {
        return context -> input(context).admits(index);
    }

    private static GuardInput input(StateContext<String, MachineEvent> context) {
        Object header = context.getMessageHeader(GUARD_HEADER);
        if (header instanceof GuardInput input) {
            return input;
        }
        throw new IllegalStateException("guard evaluated without input");
    }

    /** Carries the guard predicate into the machine and any failure back out (guards must not throw). */
    private static final class GuardInput {
        private final IntPredicate admits;
        private RuntimeException failure;

        GuardInput(IntPredicate admits) {
            this.admits = admits;
        }

        boolean admits(int index) {
            if (failure != null) {
                return false;
            }
            try {
                return admits.test(index);
            } catch (RuntimeException e) {
                failure = e;
                return false;
            }
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
