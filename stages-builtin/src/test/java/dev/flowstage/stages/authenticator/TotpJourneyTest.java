package dev.flowstage.stages.authenticator;

import static dev.flowstage.stages.testing.MfaEngine.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.Challenge;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowResult;
import dev.flowstage.stages.authenticator.internal.Base32;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpConfig;
import dev.flowstage.stages.authenticator.totp.Totp;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.testing.MfaEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TOTP end to end on a real engine: set up in the set-up flow, then sign in with the two-factor flow. */
class TotpJourneyTest {
    private static final Pattern SECRET = Pattern.compile("secret=([A-Z2-7]+)");
    private static final Totp TOTP = new Totp(TotpAlgorithm.SHA1, 6, 30);
    private final MfaEngine mfa = new MfaEngine(MfaFlows.totpSetup(MfaFlows.TOTP_SETUP, AuthenticatorTotpConfig.defaults()),
            MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION, AuthenticatorValidateConfig.defaults()));

    @AfterEach
    void close() {
        mfa.close();
    }

    @AfterAll
    static void transcript() {
        MfaEngine.flush("stages-builtin-mfa-totp.jsonl");
    }

    @Test
    void setUpThenSignIn_withCurrentCode_completesWithMfaRecorded() {
        byte[] seed = setUpTotp();
        mfa.clock.advance(Duration.ofSeconds(30));

        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Challenge challenge = expect(validate, "ak-stage-authenticator-validate");
        assertThat(challenge.field("device_challenges")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement().satisfies(entry ->
                assertThat(entry).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsEntry("device_class", "totp").containsEntry("challenge", Map.of())
                        .containsEntry("last_used", null));
        FlowResult done = mfa.submit(validate, Map.of("code", currentCode(seed)));

        assertThat(done).isInstanceOf(FlowResult.Completed.class);
        var completed = (FlowResult.Completed) done;
        assertThat(completed.login()).hasValueSatisfying(login -> assertThat(login.userId()).isEqualTo("u-alice"));
        assertThat(completed.context().get(ContextKeys.AUTH_METHOD)).contains("password");
        assertThat(completed.context().get(ContextKeys.VERIFIED_CREDENTIALS)).contains(
                List.of("default-authentication-password", "default-authentication-mfa-validation"));
        assertThat(completed.context().get(ContextKeys.AUTH_METHOD_ARGS).orElseThrow().get("mfa_devices")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("device_class", "totp").containsEntry("name", "TOTP Device");
        assertThat(mfa.devices.findByUser("u-alice").get(0).lastUsed()).isEqualTo(mfa.clock.instant());
    }

    @Test
    void signIn_wrongCode_reChallengesWithInvalidToken() {
        byte[] seed = setUpTotp();
        mfa.clock.advance(Duration.ofSeconds(30));
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);

        FlowResult again = mfa.submit(validate, Map.of("code", wrongCode(seed)));

        expect(again, "ak-stage-authenticator-validate");
        assertThat(again.challenge().responseErrors().forField("code"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.INVALID_TOKEN));
        assertThat(mfa.submit(again, Map.of("code", currentCode(seed)))).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void signIn_replayedCode_isRefused() {
        byte[] seed = setUpTotp();
        mfa.clock.advance(Duration.ofSeconds(30));
        String code = currentCode(seed);
        assertThat(mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", code)))
                .isInstanceOf(FlowResult.Completed.class);

        mfa.clock.advance(Duration.ofSeconds(5));
        FlowResult replay = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", code));

        expect(replay, "ak-stage-authenticator-validate");
        assertThat(replay.challenge().responseErrors().forField("code")).isNotEmpty();
    }

    @Test
    void signIn_codeThatConfirmedTheSetUp_isRefused() {
        byte[] seed = setUpTotpWith(code -> code);
        String setupCode = TOTP.code(seed, TOTP.step(mfa.clock.instant()));

        FlowResult replay = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", setupCode));

        assertThat(replay.challenge().responseErrors().forField("code")).isNotEmpty();
    }

    @Test
    void signIn_codeOfPreviousOrNextStep_isAcceptedWithinTolerance() {
        byte[] seed = setUpTotp();
        mfa.clock.advance(Duration.ofSeconds(90));
        long step = TOTP.step(mfa.clock.instant());

        assertThat(mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", TOTP.code(seed, step + 1))))
                .isInstanceOf(FlowResult.Completed.class);
        mfa.clock.advance(Duration.ofSeconds(90));
        FlowResult tooOld = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION),
                Map.of("code", TOTP.code(seed, TOTP.step(mfa.clock.instant()) - 2)));
        assertThat(tooOld).isInstanceOf(FlowResult.Pending.class);
    }

    @Test
    void signIn_fiveWrongCodes_deniesTheExecution() {
        byte[] seed = setUpTotp();
        FlowResult result = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        for (int i = 0; i < 4; i++) {
            result = mfa.submit(result, Map.of("code", wrongCode(seed)));
            assertThat(result).isInstanceOf(FlowResult.Pending.class);
        }

        FlowResult denied = mfa.submit(result, Map.of("code", wrongCode(seed)));

        assertThat(denied).isInstanceOf(FlowResult.Denied.class);
        assertThat(((FlowResult.Denied) denied).message()).isEqualTo(AuthenticatorValidateStage.TOO_MANY_ATTEMPTS);
    }

    @Test
    void setUp_wrongCode_reChallengesWithCodeDoesNotMatchAndStoresNothing() {
        FlowResult setup = mfa.startAs(MfaFlows.TOTP_SETUP, "u-alice");
        byte[] seed = seedOf(expect(setup, "ak-stage-authenticator-totp"));

        FlowResult again = mfa.submit(setup, Map.of("code", wrongCode(seed)));

        assertThat(again.challenge().responseErrors().forField("code"))
                .containsExactly(ErrorDetail.invalid("Code does not match"));
        assertThat(seedOf(again.challenge())).as("the same seed is shown again").isEqualTo(seed);
        assertThat(mfa.devices.findByUser("u-alice")).isEmpty();
    }

    @Test
    void setUp_anonymousRequester_isRefusedByTheFlow() {
        assertThat(mfa.start(MfaFlows.TOTP_SETUP)).isInstanceOf(FlowResult.Denied.class);
    }

    @Test
    void signIn_thresholdAfterARecentUse_stillChallengesAnAnonymousRequester() {
        try (MfaEngine threshold = new MfaEngine(MfaFlows.totpSetup(MfaFlows.TOTP_SETUP, AuthenticatorTotpConfig.defaults()),
                MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION,
                        AuthenticatorValidateConfig.defaults().withLastAuthThreshold(Duration.ofMinutes(5))))) {
            FlowResult setup = threshold.startAs(MfaFlows.TOTP_SETUP, "u-alice");
            byte[] seed = seedOf(expect(setup, "ak-stage-authenticator-totp"));
            threshold.submit(setup, Map.of("code", TOTP.code(seed, TOTP.step(threshold.clock.instant()))));
            threshold.clock.advance(Duration.ofSeconds(30));
            FlowResult first = threshold.signInAlice(MfaFlows.AUTHENTICATION);
            assertThat(threshold.submit(first, Map.of("code", TOTP.code(seed, TOTP.step(threshold.clock.instant())))))
                    .isInstanceOf(FlowResult.Completed.class);

            threshold.clock.advance(Duration.ofMinutes(4));
            // a recent use by another client must not let a password-only sign-in skip the factor
            expect(threshold.signInAlice(MfaFlows.AUTHENTICATION), "ak-stage-authenticator-validate");
        }
    }

    private byte[] setUpTotp() {
        return setUpTotpWith(code -> code);
    }

    private byte[] setUpTotpWith(java.util.function.UnaryOperator<String> codeFor) {
        FlowResult setup = mfa.startAs(MfaFlows.TOTP_SETUP, "u-alice");
        byte[] seed = seedOf(expect(setup, "ak-stage-authenticator-totp"));
        FlowResult done = mfa.submit(setup, Map.of("code", codeFor.apply(currentCode(seed))));
        assertThat(done).isInstanceOf(FlowResult.Completed.class);
        assertThat(mfa.devices.findByUser("u-alice")).extracting(AuthenticatorDevice::kind)
                .containsExactly(AuthenticatorDevice.DeviceKind.TOTP);
        return seed;
    }

    private String currentCode(byte[] seed) {
        return TOTP.code(seed, TOTP.step(mfa.clock.instant()));
    }

    private String wrongCode(byte[] seed) {
        long step = TOTP.step(mfa.clock.instant());
        List<String> valid = List.of(TOTP.code(seed, step - 1), TOTP.code(seed, step), TOTP.code(seed, step + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    static byte[] seedOf(Challenge challenge) {
        Matcher matcher = SECRET.matcher(challenge.field("config_url").toString());
        assertThat(matcher.find()).isTrue();
        return Base32.decode(matcher.group(1));
    }
}
