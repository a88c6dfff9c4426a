package dev.flowstage.samples.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.testkit.FlowKit;
import dev.flowstage.testkit.FlowstageExtension;
import dev.flowstage.testkit.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TermsOfServiceStageTest {
    private static final String FLOW = "terms-login";
    private static final TermsOfServiceStage.Config TERMS =
            TermsOfServiceStage.Config.inline("2026-01", "Be excellent to each other.");

    @RegisterExtension
    final FlowstageExtension flows = FlowstageExtension.with(kit -> kit
            .configure(builder -> builder.stage(new TermsOfServiceStage()))
            .flow(loginWithTerms(TERMS))
            .user("alice", "correct horse"));

    /** identification -> password -> terms -> user_login. */
    static FlowDefinition loginWithTerms(TermsOfServiceStage.Config terms) {
        return FlowDefinition.builder(FLOW)
                .title("Welcome!")
                .designation(Designation.AUTHENTICATION)
                .stage(10, BuiltinStages.identification("identification", IdentificationConfig.defaults()))
                .stage(20, BuiltinStages.password("password", PasswordConfig.defaults()))
                .stage(30, TermsOfServiceStage.definition("terms", terms))
                .stage(100, BuiltinStages.userLogin("login", UserLoginConfig.defaults()))
                .build();
    }

    private Scenario atTheTerms() {
        return flows.start(FLOW)
                .expect("ak-stage-identification").answer(Map.of("uid_field", "alice"))
                .expect("ak-stage-password").answer(Map.of("password", "correct horse"))
                .expect(TermsOfServiceStage.COMPONENT);
    }

    @Test
    void challenge_carriesVersionTextAndPendingUser() {
        Scenario scenario = atTheTerms()
                .expectField("terms_version", "2026-01")
                .expectField("terms_text", "Be excellent to each other.")
                .expectField("pending_user", "alice")
                .expectNoErrors();
        assertThat(scenario.challenge().fields()).doesNotContainKey("terms_url");
        assertThat(scenario.challenge().flowInfo().title()).isEqualTo("Welcome!");
    }

    @Test
    void submit_withoutAccepting_isRefusedWithRequiredError() {
        Scenario scenario = atTheTerms()
                .answer(Map.of())
                .expect(TermsOfServiceStage.COMPONENT)
                .expectFieldError("accept", "required", TermsOfServiceStage.MUST_ACCEPT)
                .answer(Map.of("accept", false))
                .expect(TermsOfServiceStage.COMPONENT)
                .expectFieldError("accept", "required", TermsOfServiceStage.MUST_ACCEPT);
        assertThat(flows.kit().engine().toJson(scenario.result())).contains(
                "\"response_errors\":{\"accept\":[{\"string\":\"You must accept the terms to continue.\",\"code\":\"required\"}]}");
    }

    @Test
    void submit_accepting_completesWithTheAcceptedVersionInTheContext() {
        FlowResult.Completed done = atTheTerms()
                .answer(Map.of("accept", true))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"))
                .expectCompleted();
        assertThat(done.context().get(TermsOfServiceStage.ACCEPTED_VERSION)).contains("2026-01");
    }

    @Test
    void submit_htmlFormCheckbox_countsAsAcceptance() {
        atTheTerms().answer(Map.of("accept", "on")).expectCompleted();
    }

    @Test
    void submit_nonBoolean_isInvalid() {
        atTheTerms().answer(Map.of("accept", "maybe"))
                .expect(TermsOfServiceStage.COMPONENT)
                .expectFieldError("accept", "invalid", "Must be a valid boolean.");
    }

    @Test
    void completion_carriesTheAcceptedVersionTyped_andPersistsIt() {
        FlowResult.Completed done = atTheTerms().answer(Map.of("accept", true)).expectCompleted();
        assertThat(done.context().get(TermsOfServiceStage.ACCEPTED_VERSION)).contains("2026-01");
        assertThat(flows.kit().executions().find(done.executionId()).orElseThrow().data())
                .contains("\"terms_accepted_version\":\"2026-01\"");
        FlowResult reloaded = flows.kit().engine().current(done.executionId());
        assertThat(reloaded).isInstanceOf(FlowResult.Completed.class);
        assertThat(((FlowResult.Completed) reloaded).login()).as("a login is handed out once").isEmpty();
    }

    @Test
    void userWhoAcceptedThisVersion_isNotAskedAgain() {
        accepted("alice", "2026-01");
        FlowResult.Completed done = flows.start(FLOW)
                .answer(Map.of("uid_field", "alice"))
                .answer(Map.of("password", "correct horse"))
                .expectCompleted();
        assertThat(done.context().get(TermsOfServiceStage.ACCEPTED_VERSION)).contains("2026-01");
    }

    @Test
    void userWhoAcceptedAnOlderVersion_isAskedAgain() {
        accepted("alice", "2025-06");
        atTheTerms().expectField("terms_version", "2026-01");
    }

    @Test
    void config_withBlankVersionAndNoTerms_failsToCompileNamingEveryProblem() {
        FlowKit.Builder kit = FlowKit.builder()
                .configure(builder -> builder.stage(new TermsOfServiceStage()))
                .flow(loginWithTerms(new TermsOfServiceStage.Config(" ", null, null)));
        assertThatThrownBy(kit::build)
                .isInstanceOfSatisfying(FlowDefinitionException.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> assertThat(problem).contains("'terms'").contains("version"))
                        .anySatisfy(problem -> assertThat(problem).contains("either url or text must be set")));
    }

    @Test
    void config_withUnsafeUrl_failsToCompile() {
        FlowKit.Builder kit = FlowKit.builder()
                .configure(builder -> builder.stage(new TermsOfServiceStage()))
                .flow(loginWithTerms(TermsOfServiceStage.Config.linked("1", "javascript:alert(1)")));
        assertThatThrownBy(kit::build)
                .isInstanceOf(FlowDefinitionException.class)
                .hasMessageContaining("url must start with https:// or /");
    }

    private void accepted(String username, String version) {
        User user = flows.kit().users().get(username);
        flows.kit().users().put(new User(user.id(), user.username(), user.email(), user.name(), user.active(),
                user.superuser(), user.groups(), user.passwordHash(),
                Map.of(TermsOfServiceStage.ACCEPTED_ATTRIBUTE, version)));
    }
}
