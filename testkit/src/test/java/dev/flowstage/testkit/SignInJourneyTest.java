package dev.flowstage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.ExecutionNotFoundException;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.InvalidResponseAction;
import dev.flowstage.stages.password.PasswordConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignInJourneyTest {
    @RegisterExtension
    final FlowstageExtension flows = FlowstageExtension.with(kit -> kit
            .flow(SignInFlows.login())
            .user("alice", "correct horse"));

    @Test
    void rightPassword_completesWithTheUserAndSession() {
        FlowResult.Completed done = flows.start(SignInFlows.LOGIN)
                .expect("ak-stage-identification")
                .expectField("user_fields", List.of("username", "email"))
                .expectField("recovery_url", "/if/flow/default-recovery-flow/")
                .answer(Map.of("uid_field", "alice"))
                .expect("ak-stage-password")
                .expectField("pending_user", "alice")
                .answer(Map.of("password", "correct horse"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"))
                .expectCompleted();
        assertThat(done.login().orElseThrow().sessionDuration()).isEqualTo(Duration.ofHours(8));
        assertThat(done.login().orElseThrow().authMethod()).isEqualTo("password");
        assertThat(done.redirect()).isEqualTo("/");
    }

    @Test
    void identifierCase_andEmail_bothFindTheUser() {
        flows.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "ALICE@example.com"))
                .expect("ak-stage-password").expectField("pending_user", "ALICE@example.com")
                .answer(Map.of("password", "correct horse"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"));
    }

    @Test
    void wrongPassword_reChallengesWithInvalidPasswordError() {
        Scenario scenario = flows.start(SignInFlows.LOGIN)
                .answer(Map.of("uid_field", "alice"))
                .answer(Map.of("password", "wrong"))
                .expect("ak-stage-password")
                .expectFieldError("password", "invalid", "Invalid password");
        assertThat(scenario.challenge().responseErrors().asMap()).containsOnlyKeys("password");
        assertThat(scenario.challenge().responseErrors().forField("password")).hasSize(1);
        assertThat(flows.kit().engine().toJson(scenario.result()))
                .contains("\"response_errors\":{\"password\":[{\"string\":\"Invalid password\",\"code\":\"invalid\"}]}");
        scenario.answer(Map.of("password", "correct horse")).expectCompleted();
    }

    @Test
    void unknownUser_getsExactlyTheWrongPasswordAnswer() {
        FlowResult wrongPassword = flows.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "alice"))
                .answer(Map.of("password", "nope")).result();
        FlowResult unknownUser = flows.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "mallory"))
                .expect("ak-stage-password")
                .answer(Map.of("password", "nope")).result();
        String known = flows.kit().engine().toJson(wrongPassword).replace("alice", "<user>");
        String unknown = flows.kit().engine().toJson(unknownUser).replace("mallory", "<user>");
        assertThat(unknown).isEqualTo(known);
    }

    @Test
    void missingPassword_isRequiredFieldError() {
        flows.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "alice"))
                .answer(Map.of())
                .expectFieldError("password", "required");
    }

    @Test
    void failedAttemptsBeforeCancel_deniesTheFlow() {
        try (FlowKit kit = FlowKit.builder().flow(SignInFlows.login(PasswordConfig.defaults().withFailedAttemptsBeforeCancel(3),
                InvalidResponseAction.RETRY)).user("alice", "pw").build()) {
            Scenario scenario = kit.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "alice"));
            scenario.answer(Map.of("password", "1")).expectFieldError("password", "invalid");
            scenario.answer(Map.of("password", "2")).expectFieldError("password", "invalid");
            scenario.answer(Map.of("password", "3")).expectDenied("Invalid password");
            assertThat(kit.events()).filteredOn(FlowEvent.LoginFailed.class::isInstance).hasSize(3);
        }
    }

    @Test
    void requireUnauthenticated_refusesSignedInRequester() {
        Scenario scenario = flows.kit().start(SignInFlows.LOGIN, RequestInfo.anonymous().withAuthenticatedUser(
                flows.kit().users().get("alice").id()));
        scenario.expectDenied("Flow does not apply to current user.");
        assertThat(scenario.challenge().component()).isEqualTo("ak-stage-access-denied");
    }

    @Test
    void restartWithContext_onWrongPasswordReturnsToIdentificationKeepingPendingUser() {
        try (FlowKit kit = FlowKit.builder().flow(SignInFlows.login(PasswordConfig.defaults(),
                InvalidResponseAction.RESTART_WITH_CONTEXT)).user("alice", "pw").build()) {
            Scenario scenario = kit.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "alice"))
                    .answer(Map.of("password", "wrong"))
                    .expect("ak-stage-identification").expectNoErrors();
            assertThat(kit.engine().current(scenario.result().executionId())).isEqualTo(scenario.result());
            scenario.answer(Map.of("uid_field", "alice")).answer(Map.of("password", "pw")).expectCompleted();
        }
    }

    @Test
    void restart_onWrongPasswordStartsOverFromIdentification() {
        try (FlowKit kit = FlowKit.builder().flow(SignInFlows.login(PasswordConfig.defaults(), InvalidResponseAction.RESTART))
                .user("alice", "pw").build()) {
            kit.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "alice"))
                    .answer(Map.of("password", "wrong"))
                    .expect("ak-stage-identification")
                    .answer(Map.of("uid_field", "alice")).answer(Map.of("password", "pw")).expectCompleted();
        }
    }

    @Test
    void expiredExecution_getsClearAnswerNotAnException() {
        ExecutionId id = flows.start(SignInFlows.LOGIN).result().executionId();
        flows.kit().clock().advance(Duration.ofHours(1));
        Assertions.assertThatThrownBy(() -> flows.kit().engine().current(id))
                .isInstanceOf(ExecutionNotFoundException.class)
                .hasMessage("execution '" + id + "' has expired; start the flow again");
    }

    @Test
    void responseForAnotherStage_isJudgedByTheCurrentStage() {
        flows.start(SignInFlows.LOGIN)
                .answer(Map.of("component", "ak-stage-password", "password", "correct horse"))
                .expect("ak-stage-identification")
                .expectFieldError("non_field_errors", "invalid", "No identification data provided.");
    }

    @Test
    void malformedAndHugeBodies_getErrorEnvelope() {
        Scenario scenario = flows.start(SignInFlows.LOGIN);
        scenario.answerJson("{\"uid_field\": ").expect("ak-stage-identification").expectFieldError("non_field_errors", "parse_error");
        scenario.answerJson("{\"uid_field\":\"" + "a".repeat(1_000_000) + "\"}").expectFieldError("non_field_errors", "parse_error");
        scenario.answerJson("{\"uid_field\": 42}").expect("ak-stage-identification");
        scenario.answer(Map.of("uid_field", "alice")).expect("ak-stage-password");
    }
}
