package dev.flowstage.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** An erroring policy on a stage binding never lets the execution skip that stage and complete. */
class FailClosedProperties {
    private static FlowEngine engine;

    @BeforeContainer
    static void start() {
        engine = FlowEngines.builder().stages(TestStages.all()).policyThreads(2).build();
    }

    @AfterContainer
    static void stop() {
        engine.close();
    }

    /** Policies that error in different ways: non-boolean results, runtime failures, timeouts. */
    @Provide
    Arbitrary<PolicyBinding> erroring() {
        Arbitrary<PolicyDefinition> policy = Arbitraries.of(
                PolicyDefinition.expression("not-boolean", "'text'"),
                PolicyDefinition.expression("negates-null", "!context.missing"),
                PolicyDefinition.of("slow", PolicyDefinition.DUMMY, new PolicyDefinition.DummyConfig(true, Duration.ofSeconds(5))));
        return Combinators.combine(policy, Arbitraries.integers().between(0, 5), Arbitraries.of(true, false))
                .as((definition, order, negate) -> {
                    PolicyBinding binding = PolicyBinding.policy(definition).withOrder(order)
                            .withTimeout(Duration.ofMillis(20));
                    return negate ? binding.negated() : binding;
                });
    }

    @Property(tries = 60)
    void erroringPoliciesOnACredentialStage_neverComplete(
            @ForAll @Size(max = 4) List<@From("erroring") PolicyBinding> bindings, @ForAll PolicyEngineMode mode) {
        if (bindings.isEmpty()) {
            return;
        }
        String slug = "f" + Integer.toHexString(System.identityHashCode(bindings));
        engine.deploy(FlowDefinition.builder(slug)
                .stage(10, TestStages.ask("credential", "code", "123456"), binding -> {
                    binding.policyEngineMode(mode);
                    bindings.forEach(binding::policy);
                })
                .stage(20, TestStages.pass("login"))
                .build());
        FlowResult result = engine.start(slug, RequestInfo.anonymous());
        assertThat(result).isNotInstanceOf(FlowResult.Completed.class);
        if (result instanceof FlowResult.Pending pending) {
            assertThat(pending.challenge().field("field")).isEqualTo("code");
        }
    }
}
