package dev.flowstage.stages.authenticator;

import static dev.flowstage.stages.testing.MfaEngine.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowResult;
import dev.flowstage.stages.authenticator.internal.WebAuthnCeremonies;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnConfig;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnStage;
import dev.flowstage.stages.authenticator.webauthn.UserVerification;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MfaEngine;
import dev.flowstage.stages.testing.SoftwareAuthenticator;
import dev.flowstage.stages.testing.SoftwareAuthenticator.Tamper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WebAuthn registration and assertion end to end, with a software authenticator producing real CBOR/COSE. */
class WebAuthnJourneyTest {
    private static final String ORIGIN = "https://login.example.com";
    private static final Tamper HONEST = Tamper.honest(ORIGIN);
    private static final AuthenticatorWebAuthnConfig CONFIG =
            AuthenticatorWebAuthnConfig.forRelyingParty("example.com", ORIGIN).withRpName("Example");
    private MfaEngine mfa = engine(AuthenticatorValidateConfig.defaults());
    private final SoftwareAuthenticator key = new SoftwareAuthenticator(Fixtures.seededRandom(23));

    private static MfaEngine engine(AuthenticatorValidateConfig validate) {
        return new MfaEngine(MfaFlows.webAuthnSetup(MfaFlows.WEBAUTHN_SETUP, CONFIG),
                MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION, validate));
    }

    @AfterEach
    void close() {
        mfa.close();
    }

    @AfterAll
    static void transcript() {
        MfaEngine.flush("stages-builtin-mfa-webauthn.jsonl");
    }

    @Test
    void register_thenSignIn_completesAndAdvancesTheCounter() {
        register();

        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Map<?, ?> options = requestOptions(validate);
        assertThat(options.get("rpId")).isEqualTo("example.com");
        assertThat(options.get("userVerification")).isEqualTo("preferred");
        assertThat((List<?>) options.get("allowCredentials")).singleElement()
                .isEqualTo(Map.of("type", "public-key", "id", key.credentialId(), "transports", List.of("usb")));
        FlowResult done = mfa.submit(validate, Map.of("webauthn", key.get(options, HONEST)));

        assertThat(done).isInstanceOf(FlowResult.Completed.class);
        AuthenticatorDevice device = mfa.devices.findByUser("u-alice").get(0);
        assertThat(device.data().get(WebAuthnCeremonies.SIGN_COUNT)).isEqualTo(1L);
        assertThat(device.lastUsed()).isEqualTo(mfa.clock.instant());
    }

    @Test
    void register_challengeOptions_areCreationOptionsForTheRelyingParty() {
        FlowResult setup = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");
        Map<?, ?> options = (Map<?, ?>) expect(setup, AuthenticatorWebAuthnStage.COMPONENT).field("registration");

        assertThat(options.get("rp")).isEqualTo(Map.of("id", "example.com", "name", "Example"));
        assertThat(((Map<?, ?>) options.get("user")).get("name")).isEqualTo("alice");
        assertThat(((Map<?, ?>) options.get("user")).get("id").toString()).doesNotContain("alice").hasSize(43);
        assertThat(options.get("challenge").toString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(options.get("attestation")).isEqualTo("none");
        assertThat(options.get("excludeCredentials")).isEqualTo(List.of());
        assertThat(options.get("pubKeyCredParams")).asString().contains("-7", "-257");
    }

    @Test
    void register_wrongOrigin_isRefusedAndTheChallengeReplaced() {
        FlowResult setup = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");
        Map<?, ?> options = registration(setup);

        FlowResult refused = mfa.submit(setup, Map.of("response", key.create(options, Tamper.honest("https://evil.example"))));

        assertThat(refused.challenge().responseErrors().forField("response"))
                .containsExactly(ErrorDetail.invalid("Registration failed. Error: origin mismatch"));
        assertThat(registration(refused).get("challenge")).isNotEqualTo(options.get("challenge"));
        assertThat(mfa.devices.findByUser("u-alice")).isEmpty();
    }

    @Test
    void register_wrongChallengeOrRelyingParty_isRefused() {
        FlowResult setup = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");
        Map<?, ?> options = registration(setup);

        FlowResult badChallenge = mfa.submit(setup, Map.of("response",
                key.create(options, HONEST.challenge("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        FlowResult badRp = mfa.submit(badChallenge, Map.of("response", key.create(registration(badChallenge),
                HONEST.rpId("evil.example"))));
        FlowResult stale = mfa.submit(badRp, Map.of("response", key.create(options, HONEST)));

        assertThat(badChallenge.challenge().responseErrors().forField("response"))
                .containsExactly(ErrorDetail.invalid("Registration failed. Error: challenge mismatch"));
        assertThat(badRp.challenge().responseErrors().forField("response"))
                .containsExactly(ErrorDetail.invalid("Registration failed. Error: relying party id mismatch"));
        assertThat(stale.challenge().responseErrors().forField("response")).as("the first challenge was replaced")
                .containsExactly(ErrorDetail.invalid("Registration failed. Error: challenge mismatch"));
    }

    @Test
    void register_malformedOrMissingResponse_isRejected() {
        FlowResult setup = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");

        FlowResult missing = mfa.submit(setup, Map.of());
        FlowResult garbage = mfa.submit(missing, Map.of("response", Map.of("response", Map.of("clientDataJSON", "%%%"))));

        assertThat(missing.challenge().responseErrors().forField("response")).extracting(ErrorDetail::code)
                .containsExactly("required");
        assertThat(garbage.challenge().responseErrors().forField("response"))
                .containsExactly(ErrorDetail.invalid("Registration failed. Error: malformed response"));
    }

    @Test
    void register_sameCredentialTwice_isRefused() {
        register();
        FlowResult again = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");
        Map<?, ?> options = registration(again);
        assertThat((List<?>) options.get("excludeCredentials")).hasSize(1);

        FlowResult refused = mfa.submit(again, Map.of("response", key.create(options, HONEST)));

        assertThat(refused.challenge().responseErrors().forField("response"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorWebAuthnStage.ALREADY_EXISTS));
    }

    @Test
    void signIn_wrongOriginOrChallenge_isRefusedWithAssertionFailed() {
        register();
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Map<?, ?> options = requestOptions(validate);

        FlowResult wrongOrigin = mfa.submit(validate, Map.of("webauthn", key.get(options, Tamper.honest("https://evil.example"))));
        FlowResult wrongChallenge = mfa.submit(wrongOrigin, Map.of("webauthn",
                key.get(requestOptions(wrongOrigin), HONEST.challenge("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        FlowResult stale = mfa.submit(wrongChallenge, Map.of("webauthn", key.get(options, HONEST)));

        for (FlowResult refused : List.of(wrongOrigin, wrongChallenge, stale)) {
            expect(refused, AuthenticatorValidateStage.COMPONENT);
            assertThat(refused.challenge().responseErrors().forField("webauthn"))
                    .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.ASSERTION_FAILED));
        }
        assertThat(mfa.submit(stale, Map.of("webauthn", key.get(requestOptions(stale), HONEST))))
                .isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void signIn_replayedAssertionInANewExecution_isRefused() {
        register();
        FlowResult first = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Map<String, Object> assertion = key.get(requestOptions(first), HONEST);
        assertThat(mfa.submit(first, Map.of("webauthn", assertion))).isInstanceOf(FlowResult.Completed.class);

        FlowResult replay = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("webauthn", assertion));

        assertThat(replay.challenge().responseErrors().forField("webauthn"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.ASSERTION_FAILED));
    }

    @Test
    void signIn_alteredSignature_isRefused() {
        register();
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Map<String, Object> assertion = key.get(requestOptions(validate), HONEST);
        @SuppressWarnings("unchecked")
        Map<String, Object> response = new java.util.LinkedHashMap<>((Map<String, Object>) assertion.get("response"));
        byte[] signature = java.util.Base64.getUrlDecoder().decode(response.get("signature").toString());
        signature[signature.length - 1] ^= 1;
        response.put("signature", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        Map<String, Object> altered = new java.util.LinkedHashMap<>(assertion);
        altered.put("response", response);

        FlowResult refused = mfa.submit(validate, Map.of("webauthn", altered));

        assertThat(refused.challenge().responseErrors().forField("webauthn"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.ASSERTION_FAILED));
    }

    @Test
    void signIn_counterThatWentBackwards_isRefusedAsAClone() {
        register();
        key.withSignCount(9);
        FlowResult first = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        assertThat(mfa.submit(first, Map.of("webauthn", key.get(requestOptions(first), HONEST))))
                .isInstanceOf(FlowResult.Completed.class);
        key.withSignCount(3);

        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        FlowResult refused = mfa.submit(validate, Map.of("webauthn", key.get(requestOptions(validate), HONEST)));

        assertThat(refused.challenge().responseErrors().forField("webauthn"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.ASSERTION_FAILED));
        assertThat(mfa.devices.findByUser("u-alice").get(0).data().get(WebAuthnCeremonies.SIGN_COUNT)).isEqualTo(10L);
    }

    @Test
    void signIn_unknownCredential_isAnInvalidDevice() {
        register();
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        SoftwareAuthenticator stranger = new SoftwareAuthenticator(Fixtures.seededRandom(99));
        stranger.create(Map.of("rp", Map.of("id", "example.com"), "user", Map.of("id", "x"), "challenge", "x"), HONEST);

        FlowResult refused = mfa.submit(validate, Map.of("webauthn", stranger.get(requestOptions(validate), HONEST)));

        assertThat(refused.challenge().responseErrors().forField("webauthn"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.INVALID_DEVICE));
    }

    @Test
    void signIn_requiredUserVerificationWithoutIt_isRefused() {
        register();
        mfa.close();
        MfaEngine strict = engine(AuthenticatorValidateConfig.defaults()
                .withWebauthnUserVerification(UserVerification.REQUIRED));
        mfa.devices.findByUser("u-alice").forEach(strict.devices::insert);
        mfa = strict;
        FlowResult validate = strict.signInAlice(MfaFlows.AUTHENTICATION);
        assertThat(requestOptions(validate).get("userVerification")).isEqualTo("required");

        FlowResult refused = strict.submit(validate, Map.of("webauthn", key.get(requestOptions(validate), HONEST.unverified())));

        assertThat(refused.challenge().responseErrors().forField("webauthn"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.ASSERTION_FAILED));
        assertThat(strict.submit(refused, Map.of("webauthn", key.get(requestOptions(refused), HONEST))))
                .isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void signIn_authenticatorWithoutCounter_isAcceptedRepeatedly() {
        SoftwareAuthenticator passkey = new SoftwareAuthenticator(Fixtures.seededRandom(31)).withoutCounter();
        FlowResult setup = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");
        assertThat(mfa.submit(setup, Map.of("response", passkey.create(registration(setup), HONEST))))
                .isInstanceOf(FlowResult.Completed.class);

        for (int i = 0; i < 2; i++) {
            FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
            assertThat(mfa.submit(validate, Map.of("webauthn", passkey.get(requestOptions(validate), HONEST))))
                    .isInstanceOf(FlowResult.Completed.class);
        }
    }

    @Test
    void signIn_userLockedOutByTheLimiter_refusesAValidAssertionUncheckedAndRotatesTheChallenge() {
        register();
        for (int i = 0; i < 5; i++) {
            mfa.limiter.recordFailure("mfa:id:u-alice", mfa.clock.instant());
        }
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        Map<?, ?> options = requestOptions(validate);

        FlowResult throttled = mfa.submit(validate, Map.of("webauthn", key.get(options, HONEST)));

        assertThat(throttled.challenge().responseErrors().forField("webauthn")).extracting(ErrorDetail::code)
                .containsExactly("throttled");
        assertThat(requestOptions(throttled).get("challenge")).isNotEqualTo(options.get("challenge"));
        assertThat(mfa.devices.findByUser("u-alice").get(0).data().get(WebAuthnCeremonies.SIGN_COUNT))
                .as("the assertion was not checked").isEqualTo(0L);
        mfa.clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.submit(throttled, Map.of("webauthn", key.get(requestOptions(throttled), HONEST))))
                .isInstanceOf(FlowResult.Completed.class);
    }

    private void register() {
        FlowResult setup = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");
        FlowResult done = mfa.submit(setup, Map.of("response", key.create(registration(setup), HONEST)));
        assertThat(done).as("registration: %s", done.challenge().responseErrors()).isInstanceOf(FlowResult.Completed.class);
        assertThat(mfa.devices.findByUser("u-alice")).singleElement()
                .satisfies(device -> assertThat(device.kind()).isEqualTo(AuthenticatorDevice.DeviceKind.WEBAUTHN));
    }

    private static Map<?, ?> registration(FlowResult result) {
        return (Map<?, ?>) expect(result, AuthenticatorWebAuthnStage.COMPONENT).field("registration");
    }

    private static Map<?, ?> requestOptions(FlowResult result) {
        List<?> challenges = (List<?>) expect(result, AuthenticatorValidateStage.COMPONENT).field("device_challenges");
        Map<?, ?> webauthn = challenges.stream().map(Map.class::cast)
                .filter(entry -> "webauthn".equals(entry.get("device_class"))).findFirst().orElseThrow();
        return (Map<?, ?>) webauthn.get("challenge");
    }
}
