package dev.flowstage.stages.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.FlowResult;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.stages.authenticator.internal.StaticCodes;
import dev.flowstage.stages.authenticator.internal.TotpDevices;
import dev.flowstage.stages.authenticator.totp.Totp;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnConfig;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MfaEngine;
import dev.flowstage.stages.testing.SoftwareAuthenticator;
import dev.flowstage.stages.testing.SoftwareAuthenticator.Tamper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A flow with authenticator_validate never completes for a user with configured devices unless the
 * response that completes it carries a valid, unused code or assertion; and such a response always
 * completes it while the execution is still pending, unless the attempt limiter has locked the user
 * out after earlier failures.
 */
class MfaProperties {
    private static final String ORIGIN = "https://login.example.com";
    private static final Totp TOTP = new Totp(TotpAlgorithm.SHA1, 6, 30);
    private static final String UNUSED_STATIC = "UnusedCode0001";
    private static final String USED_STATIC = "UsedCode000002";
    private static final String ALICE_KEY = AttemptLimiter.identifierKey(AttemptLimiter.MFA, "u-alice");

    /** What the client posts to the validation stage. */
    enum Move {
        WRONG_CODE(false), REPLAYED_TOTP(false), USED_STATIC(false), EMPTY(false), SELECT_TOTP(false),
        FOREIGN_ORIGIN_ASSERTION(false), FOREIGN_CHALLENGE_ASSERTION(false), STALE_ASSERTION(false),
        GARBAGE_ASSERTION(false), VALID_TOTP(true), VALID_STATIC(true), VALID_ASSERTION(true);

        final boolean valid;

        Move(boolean valid) {
            this.valid = valid;
        }
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        return Arbitraries.of(Move.class).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 60)
    void validate_completesOnlyOnAValidUnusedFactor(@ForAll("moves") List<Move> moves,
            @ForAll @Size(8) List<@IntRange(min = 0, max = 999_999) Integer> noise, @ForAll @IntRange(max = 1000) int seed) {
        try (MfaEngine mfa = new MfaEngine(MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION, AuthenticatorValidateConfig.defaults()),
                MfaFlows.webAuthnSetup(MfaFlows.WEBAUTHN_SETUP, AuthenticatorWebAuthnConfig.forRelyingParty("example.com", ORIGIN)))) {
            Devices devices = configure(mfa, seed);
            FlowResult result = mfa.signInAlice(MfaFlows.AUTHENTICATION);
            Map<?, ?> staleOptions = options(result);
            for (int i = 0; i < moves.size() && !result.isFinished(); i++) {
                Move move = moves.get(i);
                boolean locked = !mfa.limiter.check(ALICE_KEY, mfa.clock.instant()).allowed();
                result = mfa.submit(result, response(move, devices, mfa, result, staleOptions, noise.get(i)));
                assertThat(result instanceof FlowResult.Completed).as("%s after %s", move, moves.subList(0, i))
                        .isEqualTo(move.valid && !locked);
            }
        }
    }

    /** Gives alice a TOTP device whose current code was already used, static codes (one used) and a WebAuthn key. */
    private static Devices configure(MfaEngine mfa, int seed) {
        byte[] totpSeed = new byte[20];
        Fixtures.seededRandom(seed).nextBytes(totpSeed);
        long step = TOTP.step(mfa.clock.instant());
        mfa.devices.insert(device("totp", DeviceKind.TOTP, mfa,
                TotpDevices.data(mfa.sealer.seal(totpSeed), TotpAlgorithm.SHA1, 6, 30, 1, step)));
        mfa.devices.insert(device("static", DeviceKind.STATIC, mfa, StaticCodes.data(List.of(UNUSED_STATIC, USED_STATIC))));
        FlowResult used = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", USED_STATIC));
        assertThat(used).isInstanceOf(FlowResult.Completed.class);
        SoftwareAuthenticator key = new SoftwareAuthenticator(Fixtures.seededRandom(seed + 1));
        FlowResult setup = mfa.startAs(MfaFlows.WEBAUTHN_SETUP, "u-alice");
        Map<?, ?> registration = (Map<?, ?>) setup.challenge().field("registration");
        assertThat(mfa.submit(setup, Map.of("response", key.create(registration, Tamper.honest(ORIGIN)))))
                .isInstanceOf(FlowResult.Completed.class);
        return new Devices(totpSeed, step, key);
    }

    private record Devices(byte[] totpSeed, long usedStep, SoftwareAuthenticator key) {}

    private static Map<String, ?> response(Move move, Devices devices, MfaEngine mfa, FlowResult current,
            Map<?, ?> staleOptions, int noise) {
        switch (move) {
            case WRONG_CODE: return Map.of("code", wrongCode(devices, noise));
            case REPLAYED_TOTP: return Map.of("code", TOTP.code(devices.totpSeed(), devices.usedStep()));
            case USED_STATIC: return Map.of("code", USED_STATIC);
            case EMPTY: return Map.of();
            case SELECT_TOTP: return Map.of("selected_challenge",
                    Map.of("device_class", "totp", "device_uid", "totp", "challenge", Map.of(), "last_used", ""));
            case FOREIGN_ORIGIN_ASSERTION: return Map.of("webauthn", devices.key().get(options(current), Tamper.honest("https://evil.example")));
            case FOREIGN_CHALLENGE_ASSERTION: return Map.of("webauthn",
                    devices.key().get(options(current), Tamper.honest(ORIGIN).challenge("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
            case STALE_ASSERTION: return Map.of("webauthn", staleAssertion(devices, current, staleOptions));
            case GARBAGE_ASSERTION: return Map.of("webauthn", Map.of("id", "AAAA", "response", Map.of("signature", "x")));
            case VALID_TOTP: return Map.of("code", TOTP.code(devices.totpSeed(), devices.usedStep() + 1));
            case VALID_STATIC: return Map.of("code", UNUSED_STATIC);
            case VALID_ASSERTION: return Map.of("webauthn", devices.key().get(options(current), Tamper.honest(ORIGIN)));
            default: throw new AssertionError("unhandled " + move);
        }
    }

    /** An assertion for the challenge the execution showed first, once it has been replaced (else a foreign one). */
    private static Map<String, Object> staleAssertion(Devices devices, FlowResult current, Map<?, ?> staleOptions) {
        boolean replaced = !options(current).get("challenge").equals(staleOptions.get("challenge"));
        return devices.key().get(staleOptions, replaced ? Tamper.honest(ORIGIN)
                : Tamper.honest(ORIGIN).challenge("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"));
    }

    private static String wrongCode(Devices devices, int noise) {
        List<String> window = new ArrayList<>();
        for (long step = devices.usedStep() - 1; step <= devices.usedStep() + 2; step++) {
            window.add(TOTP.code(devices.totpSeed(), step));
        }
        int candidate = noise;
        while (window.contains(String.format("%06d", candidate))) {
            candidate = (candidate + 1) % 1_000_000;
        }
        return String.format("%06d", candidate);
    }

    private static Map<?, ?> options(FlowResult result) {
        List<?> challenges = (List<?>) result.challenge().field("device_challenges");
        return challenges.stream().map(Map.class::cast).filter(entry -> "webauthn".equals(entry.get("device_class")))
                .map(entry -> (Map<?, ?>) entry.get("challenge")).findFirst().orElseThrow();
    }

    private static AuthenticatorDevice device(String id, DeviceKind kind, MfaEngine mfa, Map<String, Object> data) {
        return new AuthenticatorDevice(id, "u-alice", kind, kind.deviceClass(), true, mfa.clock.instant(), null, 0, data);
    }
}
