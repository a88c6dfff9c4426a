package dev.flowstage.policy;

import static dev.flowstage.policy.TestData.ALICE;
import static dev.flowstage.policy.TestData.request;

import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.assertj.core.api.Assertions;

/** The engine's decision equals a direct reading of the rules, for any binding set and mode. */
class PolicyAlgebraProperties {
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(); // unused: all policies run inline
    private static final PolicyEngine ENGINE = new PolicyEngine(EXECUTOR, error -> { });

    /** What a binding's target does. */
    enum Outcome { PASS, FAIL, ERROR, THROW, GROUP_MEMBER, GROUP_OTHER }

    /** One generated binding. */
    record Spec(int order, boolean enabled, boolean negate, boolean failureResult, Outcome outcome) {
        boolean errs() {
            return outcome == Outcome.ERROR || outcome == Outcome.THROW;
        }

        /** The binding's result by the rules: failure result on error (not negated), else negate applies. */
        boolean result() {
            if (errs()) {
                return failureResult;
            }
            boolean raw = outcome == Outcome.PASS || outcome == Outcome.GROUP_MEMBER;
            return raw != negate;
        }
    }

    @AfterContainer
    static void stopExecutor() {
        EXECUTOR.shutdownNow();
    }

    @Provide
    Arbitrary<List<Spec>> specs() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.of(true, true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(Outcome.class))
                .as(Spec::new).list().ofMaxSize(8);
    }

    @Property
    void decision_equalsTheReferenceDefinition(@ForAll("specs") List<Spec> specs, @ForAll PolicyEngineMode mode) {
        List<Spec> active = specs.stream().filter(Spec::enabled).sorted(Comparator.comparingInt(Spec::order)).toList();
        boolean expected = active.isEmpty()
                || (mode == PolicyEngineMode.ALL ? active.stream().allMatch(Spec::result) : active.stream().anyMatch(Spec::result));
        Assertions.assertThat(decide(specs, mode).passing()).isEqualTo(expected);
    }

    @Property
    void messages_areThoseOfTheBindingsEvaluatedInOrder(@ForAll("specs") List<Spec> specs, @ForAll PolicyEngineMode mode) {
        List<Integer> active = IntStream.range(0, specs.size()).boxed().filter(i -> specs.get(i).enabled())
                .sorted(Comparator.comparingInt(i -> specs.get(i).order())).toList();
        List<String> expected = new ArrayList<>();
        for (int i : active) {
            Outcome outcome = specs.get(i).outcome();
            if (outcome == Outcome.PASS || outcome == Outcome.FAIL) {
                expected.add("binding " + i);
            }
            if (specs.get(i).result() == (mode == PolicyEngineMode.ANY)) {
                break;
            }
        }
        Assertions.assertThat(decide(specs, mode).messages()).isEqualTo(expected);
    }

    @Property
    void erroredPolicy_neverGrants(@ForAll("specs") List<Spec> generated, @ForAll PolicyEngineMode mode,
            @ForAll boolean negate) {
        List<Spec> specs = new ArrayList<>(generated.stream()
                .map(s -> s.errs() ? new Spec(s.order(), s.enabled(), s.negate(), false, s.outcome()) : s).toList());
        specs.add(new Spec(2, true, negate, false, Outcome.ERROR));
        boolean grantedByAHealthyBinding = specs.stream().anyMatch(s -> s.enabled() && !s.errs() && s.result());
        if (decide(specs, mode).passing()) {
            Assertions.assertThat(mode).isEqualTo(PolicyEngineMode.ANY);
            Assertions.assertThat(grantedByAHealthyBinding).isTrue();
        }
    }

    private static PolicyDecision decide(List<Spec> specs, PolicyEngineMode mode) {
        List<CompiledBinding> bindings = IntStream.range(0, specs.size()).mapToObj(i -> binding(i, specs.get(i))).toList();
        return ENGINE.evaluate(bindings, mode, request(ALICE));
    }

    private static CompiledBinding binding(int index, Spec spec) {
        PolicyBinding.Target target = switch (spec.outcome()) {
            case GROUP_MEMBER -> new PolicyBinding.GroupTarget("admins");
            case GROUP_OTHER -> new PolicyBinding.GroupTarget("auditors");
            default -> new PolicyBinding.PolicyTarget(PolicyDefinition.of("p" + index, "test.stub", "config"));
        };
        PolicyBinding binding = new PolicyBinding(target, spec.order(), spec.enabled(), spec.negate(),
                PolicyBinding.DEFAULT_TIMEOUT, spec.failureResult());
        return CompiledBinding.of(binding, target instanceof PolicyBinding.PolicyTarget ? policy(index, spec.outcome()) : null);
    }

    private static Policy policy(int index, Outcome outcome) {
        return new Policy() {
            @Override
            public PolicyResult evaluate(dev.flowstage.spi.PolicyRequest request) {
                return switch (outcome) {
                    case PASS -> PolicyResult.pass("binding " + index);
                    case FAIL -> PolicyResult.fail("binding " + index);
                    case ERROR -> PolicyResult.errored("binding " + index + " errored");
                    default -> throw new IllegalStateException("binding " + index + " threw");
                };
            }

            @Override
            public boolean runsInline() {
                return true;
            }
        };
    }
}
