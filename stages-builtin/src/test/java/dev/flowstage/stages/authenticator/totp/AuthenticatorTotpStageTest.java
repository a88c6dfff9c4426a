package dev.flowstage.stages.authenticator.totp;

import static dev.flowstage.stages.testing.Results.proceeded;
import static dev.flowstage.stages.testing.Results.rejectedWith;
import static dev.flowstage.stages.testing.Results.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.core.InMemoryDeviceStore;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.spi.SecretSealer;
import dev.flowstage.stages.authenticator.AesGcmSecretSealer;
import dev.flowstage.stages.authenticator.internal.Base32;
import dev.flowstage.stages.authenticator.internal.TotpDevices;
import dev.flowstage.stages.internal.StageSupport;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuthenticatorTotpStageTest {
    private static final Pattern SECRET = Pattern.compile("secret=([A-Z2-7]+)");
    private final AuthenticatorTotpStage stage = new AuthenticatorTotpStage();
    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    private final SecretSealer sealer = new AesGcmSecretSealer(new byte[32], Fixtures.seededRandom(5));

    private TestContext<AuthenticatorTotpConfig> signedInAlice(AuthenticatorTotpConfig config) {
        return TestContext.of(config).named("totp").withUser(Fixtures.alice()).withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-alice"))
                .withService(DeviceStore.class, devices).withService(SecretSealer.class, sealer);
    }

    @Test
    void arrive_noUserToSetUp_proceedsWithoutChallenge() {
        var anonymous = TestContext.of(AuthenticatorTotpConfig.defaults()).withUser(Fixtures.alice());
        var unverifiedPending = TestContext.of(AuthenticatorTotpConfig.defaults()).withUser(Fixtures.alice())
                .with(ContextKeys.PENDING_USER, PendingUser.of(Fixtures.alice()));

        assertThat(proceeded(stage.arrive(anonymous)).update().isEmpty()).isTrue();
        assertThat(proceeded(stage.arrive(unverifiedPending)).update().isEmpty()).isTrue();
    }

    @Test
    void arrive_signedInUser_keepsTheSeedOnlySealedInTheContext() {
        var ctx = signedInAlice(AuthenticatorTotpConfig.defaults());
        ctx.apply(shown(stage.arrive(ctx)));

        String sealed = ctx.get(AuthenticatorTotpStage.seedKey("totp")).orElseThrow();
        String secret = secretOf(stage.challenge(ctx).field("config_url").toString());
        assertThat(sealed).startsWith("v1.").doesNotContain(secret);
        assertThat(Base32.decode(secret)).hasSize(20).isEqualTo(sealer.open(sealed));
        assertThat(stage.arrive(ctx).update().isEmpty()).as("a second arrival keeps the seed").isTrue();
    }

    @Test
    void challenge_configUrl_isAnOtpauthUriWithEveryParameter() {
        var config = AuthenticatorTotpConfig.defaults().withIssuer("Acme Corp").withDigits(8)
                .withAlgorithm(TotpAlgorithm.SHA256);
        var ctx = signedInAlice(config);
        ctx.apply(stage.arrive(ctx));

        var challenge = stage.challenge(ctx);

        assertThat(challenge.component()).isEqualTo("ak-stage-authenticator-totp");
        assertThat(challenge.field("pending_user")).isEqualTo("alice");
        assertThat(challenge.field("pending_user_avatar")).isEqualTo(StageSupport.DEFAULT_AVATAR);
        assertThat(challenge.field("config_url").toString())
                .matches("otpauth://totp/Acme%20Corp:alice\\?secret=[A-Z2-7]{52}&algorithm=SHA256&digits=8"
                        + "&period=30&issuer=Acme%20Corp");
    }

    @Test
    void submit_wrongCode_reChallengesWithCodeDoesNotMatch() {
        var ctx = signedInAlice(AuthenticatorTotpConfig.defaults());
        ctx.apply(stage.arrive(ctx));

        rejectedWith(stage.submit(ctx, code("000000")), ResponseErrors.invalid("code", "Code does not match"));
        rejectedWith(stage.submit(ctx, code("12ab56")), ResponseErrors.invalid("code", "Code does not match"));
        rejectedWith(stage.submit(ctx, ChallengeResponse.empty()), ResponseErrors.of("code", StageSupport.REQUIRED));
        assertThat(devices.findByUser("u-alice")).isEmpty();
    }

    @Test
    void submit_currentCode_storesAConfirmedDeviceWithSealedSeedAndUsedStep() {
        var ctx = signedInAlice(AuthenticatorTotpConfig.defaults());
        ctx.apply(stage.arrive(ctx));
        byte[] seed = Base32.decode(secretOf(stage.challenge(ctx).field("config_url").toString()));
        Totp totp = new Totp(TotpAlgorithm.SHA1, 6, 30);
        long step = totp.step(TestContext.NOW);

        ctx.apply(proceeded(stage.submit(ctx, code(totp.code(seed, step - 1)))));

        List<AuthenticatorDevice> stored = devices.findByUser("u-alice");
        assertThat(stored).singleElement().satisfies(device -> {
            assertThat(device.kind()).isEqualTo(AuthenticatorDevice.DeviceKind.TOTP);
            assertThat(device.confirmed()).isTrue();
            assertThat(device.name()).isEqualTo("TOTP Device");
            assertThat(sealer.open(device.data().get(TotpDevices.SECRET).toString())).isEqualTo(seed);
            assertThat(device.data()).containsEntry(TotpDevices.LAST_STEP, step - 1).containsEntry("digits", 6);
        });
        assertThat(ctx.context().contains(AuthenticatorTotpStage.seedKey("totp"))).isFalse();
    }

    @Test
    void submit_codeAsJsonNumber_isReadAsText() {
        var ctx = signedInAlice(AuthenticatorTotpConfig.defaults().withDigits(8));
        ctx.apply(stage.arrive(ctx));
        byte[] seed = Base32.decode(secretOf(stage.challenge(ctx).field("config_url").toString()));
        Totp totp = new Totp(TotpAlgorithm.SHA1, 8, 30);
        String code = totp.code(seed, totp.step(TestContext.NOW));
        long number = Long.parseLong(code);

        var result = stage.submit(ctx, ChallengeResponse.of(Map.of("code", number)));

        assertThat(result).isInstanceOf(code.startsWith("0")
                ? dev.flowstage.spi.StageResult.Invalid.class : dev.flowstage.spi.StageResult.Proceed.class);
    }

    @Test
    void validate_sevenDigits_isReported() {
        assertThat(stage.validate(AuthenticatorTotpConfig.defaults().withDigits(7))).containsExactly("digits must be 6 or 8, got 7");
        assertThat(stage.validate(AuthenticatorTotpConfig.defaults())).isEmpty();
    }

    private static ChallengeResponse code(String code) {
        return ChallengeResponse.of(Map.of("code", code));
    }

    private static String secretOf(String url) {
        Matcher matcher = SECRET.matcher(url);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
