package dev.flowstage.stages.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowResult;
import dev.flowstage.api.User;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailConfig;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpConfig;
import dev.flowstage.stages.authenticator.totp.Totp;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnConfig;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MfaEngine;
import dev.flowstage.stages.testing.MiniJson;
import dev.flowstage.stages.testing.ProtocolSchema;
import dev.flowstage.stages.testing.SoftwareAuthenticator;
import dev.flowstage.stages.testing.SoftwareAuthenticator.Tamper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every challenge the authenticator stages produce, taken from real journeys as protocol JSON
 * (with flow_info and response_errors), checked against the schema in {@code shared/conformance}.
 * The same JSON lines go to the transcripts folder for the ajv checker ({@code conformance/check}).
 */
class AuthenticatorChallengeConformanceTest {
    private static final ProtocolSchema SCHEMA = ProtocolSchema.load();
    private static final String ORIGIN = "https://login.example.com";

    @AfterAll
    static void transcript() {
        MfaEngine.flush("stages-builtin-mfa-conformance.jsonl");
    }

    static List<Object[]> challenges() {
        try (MfaEngine mfa = new MfaEngine(
                MfaFlows.totpSetup(MfaFlows.TOTP_SETUP, AuthenticatorTotpConfig.defaults()),
                MfaFlows.staticSetup(MfaFlows.STATIC_SETUP, AuthenticatorStaticConfig.defaults()),
                MfaFlows.emailSetup(MfaFlows.EMAIL_SETUP, AuthenticatorEmailConfig.defaults()),
                MfaFlows.webAuthnSetup(MfaFlows.WEBAUTHN_SETUP, AuthenticatorWebAuthnConfig.forRelyingParty("example.com", ORIGIN)),
                MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION, AuthenticatorValidateConfig.defaults()),
                MfaFlows.twoFactorSignIn("configure-one", AuthenticatorValidateConfig.defaults()
                        .withConfigurationStages(MfaFlows.TOTP_SETUP)),
                MfaFlows.twoFactorSignIn("configure-several", AuthenticatorValidateConfig.defaults()
                        .withConfigurationStages(MfaFlows.TOTP_SETUP, MfaFlows.STATIC_SETUP)))) {
            journeys(mfa);
            Set<String> distinct = new LinkedHashSet<>(mfa.transcript());
            List<Object[]> cases = new ArrayList<>();
            for (String json : distinct) {
                Map<String, Object> challenge = map(MiniJson.parse(json));
                if (String.valueOf(challenge.get("component")).contains("authenticator")
                        || "xak-flow-redirect".equals(challenge.get("component"))) {
                    cases.add(new Object[] {challenge.get("component") + " #" + cases.size(), challenge});
                }
            }
            return cases;
        }
    }

    private static void journeys(MfaEngine mfa) {
        mfa.signInAlice("configure-one");
        FlowResult several = mfa.signInAlice("configure-several");
        mfa.submit(several, Map.of("selected_stage", "unknown"));
        FlowResult totp = mfa.startAs(MfaFlows.TOTP_SETUP, "u-alice");
        FlowResult wrongTotp = mfa.submit(totp, Map.of("code", "000000"));
        byte[] seed = TotpJourneyTest.seedOf(wrongTotp.challenge());
        Totp generator = new Totp(TotpAlgorithm.SHA1, 6, 30);
        mfa.submit(wrongTotp, Map.of("code", generator.code(seed, generator.step(mfa.clock.instant()))));
        FlowResult codes = mfa.startAs(MfaFlows.STATIC_SETUP, "u-alice");
        mfa.submit(codes, Map.of());
        FlowResult email = mfa.startAs(MfaFlows.EMAIL_SETUP, "u-alice");
        mfa.submit(email, Map.of("code", "0000000"));
        mfa.submit(email, Map.of("code", mfa.mailer.lastCode()));
        mfa.users.put(User.of("u-carol", "carol", ""));
        FlowResult noAddress = mfa.startAs(MfaFlows.EMAIL_SETUP, "u-carol");
        mfa.submit(noAddress, Map.of("email", "nope"));
        SoftwareAuthenticator key = new SoftwareAuthenticator(Fixtures.seededRandom(5));
        FlowResult webauthn = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");
        FlowResult refused = mfa.submit(webauthn, Map.of("response",
                key.create((Map<?, ?>) webauthn.challenge().field("registration"), Tamper.honest("https://evil.example"))));
        mfa.submit(refused, Map.of("response", key.create((Map<?, ?>) refused.challenge().field("registration"),
                Tamper.honest(ORIGIN))));
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);
        FlowResult wrong = mfa.submit(validate, Map.of("code", "x"));
        FlowResult noFactor = mfa.submit(wrong, Map.of());
        mfa.submit(noFactor, Map.of("webauthn", Map.of("id", "AAAA")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void challenge_ofAuthenticatorStage_conformsToTheProtocolSchema(String name, Map<String, Object> challenge) {
        assertThat(SCHEMA.problems(challenge)).as("%s: %s", name, MiniJson.write(challenge)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void challenge_ofAuthenticatorStage_carriesFlowInfo(String name, Map<String, Object> challenge) {
        if (!"xak-flow-redirect".equals(challenge.get("component"))) {
            assertThat(challenge).as(name).containsKey("flow_info");
        }
    }

    @Test
    void challenges_coverEveryAuthenticatorComponentAndEveryDeviceClass() {
        List<Map<String, Object>> all = challenges().stream().map(entry -> map(entry[1])).toList();

        assertThat(all).extracting(challenge -> challenge.get("component")).contains("ak-stage-authenticator-totp",
                "ak-stage-authenticator-static", "ak-stage-authenticator-webauthn", "ak-stage-authenticator-email",
                "ak-stage-authenticator-validate", "xak-flow-redirect");
        assertThat(all.stream().flatMap(challenge -> ((List<?>) challenge.getOrDefault("device_challenges", List.of()))
                .stream()).map(entry -> String.valueOf(((Map<?, ?>) entry).get("device_class"))).distinct())
                .containsExactlyInAnyOrder("totp", "static", "email", "webauthn");
        assertThat(all).anySatisfy(challenge -> assertThat((List<?>) challenge.get("configuration_stages")).hasSize(2));
    }

    @Test
    void problems_badChallenge_areReported() {
        Map<String, Object> bad = Map.of("component", "ak-stage-authenticator-validate", "pending_user", "a",
                "pending_user_avatar", "x", "configuration_stages", List.of(Map.of("pk", "p")),
                "device_challenges", List.of(Map.of("device_class", "sms-ish", "device_uid", "1", "challenge", Map.of())),
                "extra", true);

        assertThat(SCHEMA.problems(bad)).hasSize(6);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
