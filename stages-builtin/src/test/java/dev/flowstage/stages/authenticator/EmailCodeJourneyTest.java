package dev.flowstage.stages.authenticator;

import static dev.flowstage.stages.testing.MfaEngine.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.Challenge;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.MailMessage;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailConfig;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailStage;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.testing.MfaEngine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Email codes end to end: confirm an address with a mailed code, then sign in with a mailed code. */
class EmailCodeJourneyTest {
    private final MfaEngine mfa = new MfaEngine(MfaFlows.emailSetup(MfaFlows.EMAIL_SETUP, AuthenticatorEmailConfig.defaults()),
            MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION, AuthenticatorValidateConfig.defaults()));

    @AfterEach
    void close() {
        mfa.close();
    }

    @AfterAll
    static void transcript() {
        MfaEngine.flush("stages-builtin-mfa-email.jsonl");
    }

    @Test
    void setUp_userWithAddress_mailsACodeAtOnceAndConfirmsWithIt() {
        FlowResult setup = mfa.startAs(MfaFlows.EMAIL_SETUP, "u-alice");
        Challenge challenge = expect(setup, AuthenticatorEmailStage.COMPONENT);
        assertThat(challenge.field("email")).isEqualTo("a***@example.com");
        assertThat(challenge.field("email_required")).isEqualTo(false);
        MailMessage mail = mfa.mailer.sent().get(0);
        assertThat(mail.to()).isEqualTo("alice@example.com");
        assertThat(mail.subject()).isEqualTo("Your verification code");

        FlowResult wrong = mfa.submit(setup, Map.of("code", otherThan(mfa.mailer.lastCode())));
        assertThat(wrong.challenge().responseErrors().forField("code"))
                .containsExactly(ErrorDetail.invalid("Code does not match"));
        assertThat(mfa.submit(wrong, Map.of("code", mfa.mailer.lastCode()))).isInstanceOf(FlowResult.Completed.class);

        AuthenticatorDevice device = mfa.devices.findByUser("u-alice").get(0);
        assertThat(device.kind()).isEqualTo(AuthenticatorDevice.DeviceKind.EMAIL);
        assertThat(device.data()).containsEntry("email", "alice@example.com");
    }

    @Test
    void setUp_userWithoutAddress_asksForOneFirst() {
        mfa.users.put(dev.flowstage.api.User.of("u-carol", "carol", ""));
        FlowResult setup = mfa.startAs(MfaFlows.EMAIL_SETUP, "u-carol");
        Challenge challenge = expect(setup, AuthenticatorEmailStage.COMPONENT);
        assertThat(challenge.fields()).containsEntry("email", null).containsEntry("email_required", true);
        assertThat(mfa.mailer.sent()).isEmpty();

        FlowResult bad = mfa.submit(setup, Map.of("email", "not an address"));
        FlowResult sent = mfa.submit(bad, Map.of("email", "carol@example.org"));

        assertThat(bad.challenge().responseErrors().forField("email"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorEmailStage.INVALID_EMAIL));
        assertThat(expect(sent, AuthenticatorEmailStage.COMPONENT).field("email")).isEqualTo("c***@example.org");
        assertThat(mfa.mailer.sent()).extracting(MailMessage::to).containsExactly("carol@example.org");
        assertThat(mfa.submit(sent, Map.of("code", mfa.mailer.lastCode()))).isInstanceOf(FlowResult.Completed.class);
        assertThat(mfa.devices.findByUser("u-carol").get(0).data()).containsEntry("email", "carol@example.org");
    }

    @Test
    void setUp_expiredCode_isRefused() {
        FlowResult setup = mfa.startAs(MfaFlows.EMAIL_SETUP, "u-alice");
        mfa.clock.advance(Duration.ofMinutes(10));

        FlowResult expired = mfa.submit(setup, Map.of("code", mfa.mailer.lastCode()));

        assertThat(expired.challenge().responseErrors().forField("code")).hasSize(1);
        assertThat(mfa.devices.findByUser("u-alice")).isEmpty();
    }

    @Test
    void setUp_mailerFails_reportsItWithoutStoringAnything() {
        mfa.mailer.failing(true);
        FlowResult setup = mfa.startAs(MfaFlows.EMAIL_SETUP, "u-alice");

        assertThat(setup.challenge().responseErrors().forField("non_field_errors"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorEmailStage.SEND_FAILED));
        mfa.mailer.failing(false);
        FlowResult retried = mfa.submit(setup, Map.of());
        assertThat(retried.challenge().responseErrors().isEmpty()).isTrue();
        assertThat(mfa.mailer.sent()).hasSize(1);
    }

    @Test
    void signIn_selectEmailDevice_mailsACodeThatSignsInOnce() {
        setUp();
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Map<String, Object> entry = deviceChallenge(validate);
        assertThat(entry).containsEntry("device_class", "email").containsEntry("challenge", Map.of("email", "a***@example.com"));

        FlowResult selected = mfa.submit(validate, Map.of("selected_challenge", entry));
        expect(selected, AuthenticatorValidateStage.COMPONENT);
        assertThat(selected.challenge().responseErrors().isEmpty()).isTrue();
        assertThat(mfa.mailer.sent()).hasSize(2);
        String code = mfa.mailer.lastCode();
        FlowResult wrong = mfa.submit(selected, Map.of("code", otherThan(code)));
        assertThat(wrong.challenge().responseErrors().forField("code"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.INVALID_TOKEN));
        assertThat(mfa.submit(wrong, Map.of("code", code))).isInstanceOf(FlowResult.Completed.class);

        FlowResult again = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        FlowResult reused = mfa.submit(again, Map.of("code", code));
        assertThat(reused.challenge().responseErrors().forField("code")).as("a code of another execution").hasSize(1);
    }

    @Test
    void signIn_expiredMailedCode_isRefused() {
        setUp();
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        FlowResult selected = mfa.submit(validate, Map.of("selected_challenge", deviceChallenge(validate)));
        mfa.clock.advance(Duration.ofMinutes(11));

        FlowResult expired = mfa.submit(selected, Map.of("code", mfa.mailer.lastCode()));

        assertThat(expired.challenge().responseErrors().forField("code")).hasSize(1);
    }

    @Test
    void signIn_selectingAClassTheUserDoesNotHave_isRejected() {
        setUp();
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Map<String, Object> totp = new LinkedHashMap<>(deviceChallenge(validate));
        totp.put("device_class", "totp");

        FlowResult refused = mfa.submit(validate, Map.of("selected_challenge", totp));

        assertThat(refused.challenge().responseErrors().forField("selected_challenge"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.NO_COMPATIBLE_DEVICE));
    }

    @Test
    void signIn_tooManyMailsRequested_isRefused() {
        setUp();
        FlowResult result = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Map<String, Object> entry = deviceChallenge(result);
        for (int i = 0; i < 5; i++) {
            result = mfa.submit(result, Map.of("selected_challenge", entry));
        }

        FlowResult refused = mfa.submit(result, Map.of("selected_challenge", entry));

        assertThat(refused.challenge().responseErrors().forField("non_field_errors")).hasSize(1);
        assertThat(mfa.mailer.sent()).hasSize(1 + 5);
    }

    private void setUp() {
        FlowResult setup = mfa.startAs(MfaFlows.EMAIL_SETUP, "u-alice");
        assertThat(mfa.submit(setup, Map.of("code", mfa.mailer.lastCode()))).isInstanceOf(FlowResult.Completed.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deviceChallenge(FlowResult result) {
        List<?> challenges = (List<?>) expect(result, AuthenticatorValidateStage.COMPONENT).field("device_challenges");
        return (Map<String, Object>) challenges.get(0);
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
