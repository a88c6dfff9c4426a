package dev.flowstage.stages.authenticator;

import static dev.flowstage.stages.testing.MfaEngine.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.Secret;
import dev.flowstage.stages.authenticator.internal.TotpDevices;
import dev.flowstage.stages.authenticator.totp.Totp;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MfaEngine;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Recovery with MFA verification: the mailed link alone does not reset the password of a user with a second factor. */
class RecoveryWithMfaJourneyTest {
    private static final Pattern TOKEN = Pattern.compile("flow_token=([A-Za-z0-9_\\-]+)");
    private static final Totp TOTP = new Totp(TotpAlgorithm.SHA1, 6, 30);
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private final MfaEngine mfa = new MfaEngine(MfaFlows.recoveryWithMfa(MfaFlows.RECOVERY, "https://login.example.com",
            AuthenticatorValidateConfig.defaults()));
    private final byte[] seed = new byte[20];

    @AfterEach
    void close() {
        mfa.close();
    }

    @AfterAll
    static void transcript() {
        MfaEngine.flush("stages-builtin-mfa-recovery.jsonl");
    }

    @Test
    void recovery_linkThenTotpCode_setsTheNewPassword() {
        giveAliceTotp();
        FlowResult validate = followLink();
        expect(validate, AuthenticatorValidateStage.COMPONENT);

        FlowResult wrong = mfa.submit(validate, Map.of("code", "12345"));
        assertThat(wrong.challenge().responseErrors().forField("code")).hasSize(1);
        FlowResult prompt = mfa.submit(wrong, Map.of("code", TOTP.code(seed, TOTP.step(mfa.clock.instant()) + 1)));
        expect(prompt, "ak-stage-prompt");
        FlowResult done = mfa.submit(prompt, Map.of("password", NEW_PASSWORD, "password_repeat", NEW_PASSWORD));

        assertThat(done).isInstanceOf(FlowResult.Completed.class);
        String hash = mfa.users.findById("u-alice").orElseThrow().passwordHash();
        assertThat(Fixtures.HASHER.verify(Secret.of(NEW_PASSWORD), hash)).isTrue();
    }

    @Test
    void recovery_linkWithoutSecondFactor_neverReachesThePasswordPrompt() {
        giveAliceTotp();
        FlowResult result = followLink();
        for (int i = 0; i < 5; i++) {
            result = mfa.submit(result, Map.of("code", String.format("%06d", i)));
        }

        assertThat(result).isInstanceOf(FlowResult.Denied.class);
        assertThat(Fixtures.HASHER.verify(Secret.of(Fixtures.ALICE_PASSWORD),
                mfa.users.findById("u-alice").orElseThrow().passwordHash())).isTrue();
    }

    private FlowResult followLink() {
        FlowResult identification = mfa.start(MfaFlows.RECOVERY);
        FlowResult sent = mfa.submit(identification, Map.of("uid_field", "alice"));
        expect(sent, "ak-stage-email");
        Matcher matcher = TOKEN.matcher(mfa.mailer.sent().get(0).text());
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);
        FlowResult confirm = mfa.engine.resume(token, RequestInfo.anonymous());
        expect(confirm, "ak-stage-consent");
        return mfa.submit(confirm, Map.of("token", token));
    }

    private void giveAliceTotp() {
        Fixtures.seededRandom(3).nextBytes(seed);
        mfa.devices.insert(new AuthenticatorDevice("totp", "u-alice", DeviceKind.TOTP, "TOTP Device", true,
                mfa.clock.instant(), null, 0, TotpDevices.data(mfa.sealer.seal(seed), TotpAlgorithm.SHA1, 6, 30, 1,
                        TOTP.step(mfa.clock.instant()))));
    }
}
