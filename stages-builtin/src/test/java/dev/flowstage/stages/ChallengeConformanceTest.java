package dev.flowstage.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.dummy.DummyStage;
import dev.flowstage.stages.email.EmailChallenges;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.password.PasswordStage;
import dev.flowstage.stages.redirect.RedirectConfig;
import dev.flowstage.stages.redirect.RedirectStage;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MiniJson;
import dev.flowstage.stages.testing.ProtocolSchema;
import dev.flowstage.stages.testing.TestContext;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userlogin.UserLoginStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every built-in challenge against the protocol schema in {@code ../shared/conformance}
 * ({@link ProtocolSchema}): required fields present, no undeclared fields, declared types (and
 * nullability) respected, recursively. Also writes the challenges to the
 * {@code flowstage.transcripts} folder for the shared ajv checker.
 */
class ChallengeConformanceTest {
    private static final ProtocolSchema SCHEMA = ProtocolSchema.load();
    private static final List<Map<String, Object>> TRANSCRIPT = new ArrayList<>();

    @AfterAll
    static void writeTranscript() {
        ProtocolSchema.writeTranscript("stages-builtin-challenges.json", TRANSCRIPT);
    }

    static List<Object[]> challenges() {
        var alice = PendingUser.of(Fixtures.alice());
        var fullIdentification = IdentificationConfig.defaults().withPasswordField(true).withEnrollmentFlow("sign-up")
                .withRecoveryFlow("recover").withPasswordlessFlow("passkey").withShowMatchedUser(false);
        List<Challenge> email = EmailChallenges.journey();
        return List.of(
                named("email on arrival", email.get(0)),
                named("email after a resend", email.get(1)),
                named("email after a bad token", email.get(2)),
                named("email over the resend limit", email.get(3)),
                named("consent for a mailed link", email.get(4)),
                named("email after a failed send", email.get(5)),
                named("identification defaults", new IdentificationStage().challenge(
                        TestContext.of(IdentificationConfig.defaults()))),
                named("identification everything", new IdentificationStage().challenge(
                        TestContext.of(fullIdentification).designated(Designation.ENROLLMENT)
                                .with(ContextKeys.PENDING_USER_IDENTIFIER, "alice@example.com"))),
                named("password", new PasswordStage().challenge(
                        TestContext.of(PasswordConfig.defaults()).with(ContextKeys.PENDING_USER, alice))),
                named("password with errors, no user", new PasswordStage().challenge(TestContext.of(PasswordConfig.defaults()))
                        .withErrors(ResponseErrors.of("password", new ErrorDetail("Invalid password", "invalid")))),
                named("user login", new UserLoginStage().challenge(
                        TestContext.of(UserLoginConfig.defaults().withRememberMeOffset(Duration.ofDays(1)))
                                .with(ContextKeys.PENDING_USER, alice))),
                named("dummy", new DummyStage().challenge(TestContext.of(DummyConfig.defaults()).named("dummy"))),
                named("redirect static", new RedirectStage().challenge(TestContext.of(RedirectConfig.toStatic("/if/user/")))),
                named("redirect flow", new RedirectStage().challenge(TestContext.of(RedirectConfig.toFlow("enroll")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void challenge_ofBuiltinStage_conformsToItsSchema(String name, Challenge challenge) {
        Map<String, Object> wire = ProtocolSchema.wire(challenge);

        assertThat(SCHEMA.problems(wire)).as("%s (%s): %s", name, challenge.component(), MiniJson.write(wire)).isEmpty();
        TRANSCRIPT.add(wire);
    }

    private static Object[] named(String name, Challenge challenge) {
        return new Object[] {name, challenge};
    }
}
