package dev.flowstage.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code authentik_core.application} entries and the policy bindings that target them. */
class BlueprintApplicationsTest {
    private final FlowEngine engine = TestModels.engine();
    private final Blueprints blueprints = TestModels.blueprints(engine).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void application_withGroupUserAndPolicyBindings_isReadWithItsBindingsInOrder() {
        blueprints.apply(Blueprint.of("apps.yaml", BlueprintApplyTest.LOGIN + """
                - model: authentik_core.group
                  id: staff
                  identifiers: {name: Staff}
                - model: authentik_policies_expression.expressionpolicy
                  id: example-com
                  identifiers: {name: example-com}
                  attrs: {expression: "user.email.endsWith('@example.com')"}
                - model: authentik_core.application
                  id: wiki
                  identifiers: {slug: wiki}
                  attrs:
                    name: Team Wiki
                    meta_launch_url: /app/wiki/
                    meta_description: Notes
                    meta_publisher: ignored
                    policy_engine_mode: all
                    authorization_flow: !Find [authentik_flows.flow, [slug, quiz-login]]
                - model: authentik_policies.policybinding
                  identifiers: {target: !KeyOf wiki, order: 2, user: alice}
                - model: authentik_policies.policybinding
                  identifiers: {target: !KeyOf wiki, order: 0, group: !KeyOf staff}
                - model: authentik_policies.policybinding
                  identifiers: {target: !KeyOf wiki, order: 1, policy: !KeyOf example-com}
                - model: authentik_core.application
                  identifiers: {slug: handbook}
                  attrs: {name: Handbook}
                """)).orThrow();

        assertThat(blueprints.applications()).extracting(Application::slug).containsExactly("handbook", "wiki");
        Application wiki = blueprints.applications().get(1);
        assertThat(wiki.name()).isEqualTo("Team Wiki");
        assertThat(wiki.launchUrl()).isEqualTo("/app/wiki/");
        assertThat(wiki.description()).isEqualTo("Notes");
        assertThat(wiki.mode()).isEqualTo(PolicyEngineMode.ALL);
        assertThat(wiki.authorizationFlow()).isEqualTo("quiz-login");
        assertThat(wiki.policies()).containsExactly(PolicyBinding.group("Staff"),
                PolicyBinding.policy(PolicyDefinition.expression("example-com", "user.email.endsWith('@example.com')"))
                        .withOrder(1),
                PolicyBinding.user("alice").withOrder(2));
        Application handbook = blueprints.applications().get(0);
        assertThat(handbook.policies()).isEmpty();
        assertThat(handbook.mode()).isEqualTo(PolicyEngineMode.ANY);
        assertThat(handbook.authorizationFlow()).isNull();
    }

    @Test
    void application_withAProvider_isAProblemNamingTheAttribute_andNothingIsApplied() {
        BlueprintResult result = blueprints.apply(Blueprint.of("apps.yaml", """
                version: 1
                entries:
                - model: authentik_core.application
                  identifiers: {slug: grafana}
                  attrs: {name: Grafana, provider: 3}
                """));

        assertThat(result.applied()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("attrs.provider");
            assertThat(problem.message()).contains("authorization_flow");
        });
        assertThat(blueprints.applications()).isEmpty();
    }

    @Test
    void policyBinding_ofAnApplication_isDeletedWithIt() {
        blueprints.apply(Blueprint.of("apps.yaml", """
                version: 1
                entries:
                - model: authentik_core.application
                  id: wiki
                  identifiers: {slug: wiki}
                  attrs: {name: Wiki}
                - model: authentik_policies.policybinding
                  identifiers: {target: !KeyOf wiki, order: 0, user: alice}
                """)).orThrow();

        blueprints.apply(Blueprint.of("gone.yaml", """
                version: 1
                entries:
                - model: authentik_core.application
                  state: absent
                  identifiers: {slug: wiki}
                """)).orThrow();

        assertThat(blueprints.applications()).isEmpty();
        assertThat(blueprints.apply(Blueprint.of("again.yaml", """
                version: 1
                entries:
                - model: authentik_core.application
                  identifiers: {slug: wiki}
                  attrs: {name: Wiki}
                """)).orThrow()).satisfies(result -> assertThat(blueprints.applications().get(0).policies()).isEmpty());
    }
}
