package dev.flowstage.policy;

import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyDefinition.DummyConfig;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import dev.flowstage.spi.PolicyType;
import java.util.List;

/**
 * The dummy policy type ({@value PolicyDefinition#DUMMY}), for tests: returns the configured
 * result with the message {@code "dummy"}, after waiting the configured delay when it is not zero.
 * A delayed dummy does not run inline, so the binding's timeout applies to it; if its thread is
 * interrupted (as on a timeout) it returns {@link PolicyResult.Errored}. Stateless and thread-safe.
 */
public final class DummyPolicyType implements PolicyType<DummyConfig> {

    @Override
    public String typeId() {
        return PolicyDefinition.DUMMY;
    }

    @Override
    public Class<DummyConfig> configType() {
        return DummyConfig.class;
    }

    @Override
    public Policy compile(String policyName, DummyConfig config) {
        return new DummyPolicy(policyName, config);
    }

    /** One compiled dummy policy. */
    private record DummyPolicy(String name, DummyConfig config) implements Policy {

        @Override
        public PolicyResult evaluate(PolicyRequest request) {
            if (!config.delay().isZero()) {
                try {
                    Thread.sleep(config.delay().toMillis(), config.delay().toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return PolicyResult.errored("dummy policy '" + name + "' was interrupted");
                }
            }
            return PolicyResult.of(config.result(), List.of("dummy"));
        }

        @Override
        public boolean runsInline() {
            return config.delay().isZero();
        }
    }
}
