package dev.flowstage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintResult;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.stages.BuiltinModels;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flowstage's own default blueprints (MVEL), shipped in stages-builtin. */
class DefaultBlueprintsTest {
    private final dev.flowstage.core.InMemoryTokenStore tokens = new dev.flowstage.core.InMemoryTokenStore();
    private final FlowKit kit = FlowKit.builder().transcriptName("DefaultBlueprintsTest").user("alice", "correct horse")
            .configure(engine -> engine.tokenStore(tokens)
                    .service(dev.flowstage.spi.DeviceStore.class, new dev.flowstage.core.InMemoryDeviceStore())).build();
    private final Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all()).engine(kit.engine())
            .catalog(defaults()).build();

    @AfterEach
    void close() {
        kit.close();
    }

    static List<Blueprint> defaults() {
        return BuiltinModels.defaultBlueprints().stream()
                .map(name -> Blueprint.resource(DefaultBlueprintsTest.class.getClassLoader(), name)).toList();
    }

    @Test
    void defaults_applyOneByOne_andTogether() {
        for (Blueprint blueprint : defaults()) {
            assertThat(blueprints.plan(blueprint).problems()).as(blueprint.source()).isEmpty();
        }
        BlueprintResult result = blueprints.apply(defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.deployed()).containsExactly("default-authentication-flow", "default-enrollment-flow",
                "default-invalidation-flow", "default-password-change", "default-recovery-flow");
        assertThat(blueprints.brands()).singleElement().satisfies(brand -> {
            assertThat(brand.defaultBrand()).isTrue();
            assertThat(brand.recoveryFlow()).isEqualTo("default-recovery-flow");
            assertThat(brand.authenticationFlow()).isEqualTo("default-authentication-flow");
        });
        assertThat(blueprints.apply(defaults()).effectiveChanges()).isEmpty();
    }

    @Test
    void defaultEnrollment_createsTheUser_andPasswordChangeReplacesThePassword() {
        blueprints.apply(defaults()).orThrow();

        kit.start("default-enrollment-flow").expect("ak-stage-prompt")
                .answer(Map.of("username", "carol", "password", "short", "password_repeat", "short"))
                .expectFieldError("non_field_errors", "invalid", "Password needs to be 8 characters or longer.")
                .answer(Map.of("username", "carol", "password", "carol's secret", "password_repeat", "carol's secret"))
                .expect("ak-stage-prompt").answer(Map.of("name", "Carol", "email", "carol@example.com"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("carol"));
        String carol = kit.users().get("carol").id();
        kit.start("default-password-change", dev.flowstage.api.RequestInfo.anonymous().withAuthenticatedUser(carol))
                .expect("ak-stage-prompt")
                .answer(Map.of("password", "Tr0ub4dor&3 horse battery", "password_repeat", "Tr0ub4dor&3 horse battery"))
                .expectCompleted();
        assertThat(kit.users().passwordMatches("carol", "Tr0ub4dor&3 horse battery")).isTrue();
    }

    @Test
    void defaultRecovery_mailsALink_thenSetsTheNewPassword() {
        blueprints.apply(defaults()).orThrow();

        Scenario scenario = kit.start("default-recovery-flow").answer(Map.of("uid_field", "alice"))
                .expect("ak-stage-email");
        String link = TestMailbox.firstLink(kit.mailbox().lastTo("alice@example.com").orElseThrow()).orElseThrow();
        assertThat(link).startsWith("http://localhost:8080/if/flow/default-recovery-flow/?flow_token=");
        String token = link.substring(link.indexOf("flow_token=") + "flow_token=".length());
        scenario.answer(Map.of("token", token)).expect("ak-stage-prompt")
                .answer(Map.of("password", "a brand new secret", "password_repeat", "a brand new secret"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"));
        assertThat(kit.users().passwordMatches("alice", "a brand new secret")).isTrue();
    }

    @Test
    void recoveryKey_skipsIdentificationAndMail_andLogsTheUserIn() {
        blueprints.apply(defaults()).orThrow();
        String recoveryFlow = blueprints.brands().get(0).recoveryFlow();
        String key = dev.flowstage.core.RecoveryKeys.issue(tokens, kit.clock(), new java.security.SecureRandom(),
                recoveryFlow, "alice", java.time.Duration.ofDays(365));

        dev.flowstage.api.FlowResult opened = kit.engine().resume(key, dev.flowstage.api.RequestInfo.anonymous());
        assertThat(opened.challenge().component()).isEqualTo("ak-stage-consent");
        dev.flowstage.api.FlowResult prompt = kit.engine().submit(opened.executionId(),
                dev.flowstage.api.ChallengeResponse.of(Map.of("token", key)), dev.flowstage.api.RequestInfo.anonymous());
        assertThat(prompt.challenge().component()).isEqualTo("ak-stage-prompt");
        dev.flowstage.api.FlowResult done = kit.engine().submit(opened.executionId(), dev.flowstage.api.ChallengeResponse.of(
                Map.of("password", "a brand new secret", "password_repeat", "a brand new secret")),
                dev.flowstage.api.RequestInfo.anonymous());
        assertThat(((dev.flowstage.api.FlowResult.Completed) done).login().orElseThrow().authMethod()).isEqualTo("recovery_key");
        assertThat(kit.mailbox().messages()).isEmpty();
    }

    @Test
    void defaultAuthenticationFlow_logsIn_andTheInvalidationFlowLogsOut() {
        blueprints.apply(defaults()).orThrow();

        kit.start("default-authentication-flow").answer(Map.of("uid_field", "alice@example.com"))
                .expect("ak-stage-password").answer(Map.of("password", "wrong"))
                .expectFieldError("password", "invalid")
                .answer(Map.of("password", "correct horse"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"));
        assertThat(kit.start("default-invalidation-flow").expectCompleted().logout()).isTrue();
    }

    @Test
    void defaultAuthenticationFlow_equalsTheFlowBuiltInJava() {
        blueprints.apply(defaults()).orThrow();
        PolicyDefinition passwordOptional =
                PolicyDefinition.expression("default-authentication-flow-password-stage", "context.auth_method == null");
        PolicyDefinition mfaOptional = PolicyDefinition.expression("default-authentication-flow-authenticator-validate-stage",
                "context.auth_method != 'auth_webauthn_pwl'");
        FlowDefinition java = FlowDefinition.builder("default-authentication-flow")
                .name("Welcome to Flowstage!").title("Welcome to Flowstage!").designation(Designation.AUTHENTICATION)
                .stage(10, BuiltinStages.identification("default-authentication-identification",
                        IdentificationConfig.defaults().withUserFields(UserField.EMAIL, UserField.USERNAME)))
                .stage(20, BuiltinStages.password("default-authentication-password", PasswordConfig.defaults()),
                        binding -> binding.reEvaluate(true).policy(
                                PolicyBinding.policy(passwordOptional).withOrder(10).withFailureResult(true)))
                .stage(30, BuiltinStages.authenticatorValidate("default-authentication-mfa-validation",
                        AuthenticatorValidateConfig.defaults()), binding -> binding.policy(
                                PolicyBinding.policy(mfaOptional).withOrder(10).withFailureResult(true)))
                .stage(100, BuiltinStages.userLogin("default-authentication-login", UserLoginConfig.defaults()))
                .build();

        assertThat(blueprints.definition("default-authentication-flow")).contains(java);
        assertThat(kit.engine().definition("default-authentication-flow")).contains(java);
    }
}
