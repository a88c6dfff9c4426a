package dev.flowstage.policy;

import static dev.flowstage.policy.Bindings.TYPES;
import static dev.flowstage.policy.Bindings.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.spi.PolicyResult;
import org.junit.jupiter.api.Test;

class CompiledBindingTest {

    @Test
    void of_policyTargetWithoutPolicy_refused() {
        assertThatThrownBy(() -> CompiledBinding.of(PolicyBinding.policy(PolicyDefinition.dummy("d", true)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy 'd' needs its compiled policy");
    }

    @Test
    void of_groupTargetWithPolicy_refused() {
        assertThatThrownBy(() -> CompiledBinding.of(PolicyBinding.group("admins"), inline(PolicyResult.pass())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group 'admins' binds no policy, so it cannot carry a compiled one");
    }

    @Test
    void compile_groupAndUserBindings_needNoPolicyType() {
        assertThat(CompiledBinding.compile(PolicyBinding.group("admins"), TYPES).policy()).isNull();
        assertThat(CompiledBinding.compile(PolicyBinding.user("alice"), TYPES).policy()).isNull();
    }

    @Test
    void compile_unregisteredType_refusedListingRegisteredTypes() {
        PolicyBinding binding = PolicyBinding.policy(PolicyDefinition.of("geo", "builtin.geoip", "config"));
        assertThatThrownBy(() -> CompiledBinding.compile(binding, TYPES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy 'geo': type 'builtin.geoip' is not registered; registered types are "
                        + "[builtin.dummy, builtin.expression, builtin.password_policy]");
    }

    @Test
    void compile_configOfAnotherType_refused() {
        PolicyBinding binding = PolicyBinding.policy(PolicyDefinition.of("odd", PolicyDefinition.EXPRESSION,
                new PolicyDefinition.DummyConfig(true, java.time.Duration.ZERO)));
        assertThatThrownBy(() -> CompiledBinding.compile(binding, TYPES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy 'odd' of type 'builtin.expression' needs a ExpressionConfig config, not a DummyConfig");
    }

    @Test
    void compile_refusedExpression_messageNamesPolicyAndConstruct() {
        PolicyBinding binding = PolicyBinding.policy(PolicyDefinition.expression("evil", "System.exit(0)"));
        assertThatThrownBy(() -> CompiledBinding.compile(binding, TYPES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expression policy 'evil': 'System' is not allowed");
    }

    @Test
    void compile_dummyPolicy_compilesWithItsType() {
        CompiledBinding binding = CompiledBinding.compile(PolicyBinding.policy(PolicyDefinition.dummy("d", true)), TYPES);
        assertThat(binding.policy().evaluate(TestData.request(null))).isEqualTo(PolicyResult.pass("dummy"));
    }
}
