package dev.flowstage.stages.authenticator.validate;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.WebAuthnCeremonies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validation stage's per-execution state in the context: failed attempts, challenges, codes sent. */
final class ValidateState {
    private static final String PREFIX = "goauthentik.io/stages/authenticator_validate/";

    private ValidateState() {}

    static ContextKey<Map<String, Object>> failuresKey(String stage) {
        return ContextKey.of(PREFIX + stage + "/failed_attempts", ContextKeys.mapType());
    }

    static ContextKey<String> webauthnChallengeKey(String stage) {
        return ContextKey.of(PREFIX + stage + "/webauthn_challenge", String.class);
    }

    static ContextKey<Map<String, Object>> emailCodesKey(String stage) {
        return ContextKey.of(PREFIX + stage + "/email_codes", ContextKeys.mapType());
    }

    static ContextKey<String> selectedStageKey(String stage) {
        return ContextKey.of(PREFIX + stage + "/selected_stage", String.class);
    }

    /** Returns an update storing a fresh 32-byte WebAuthn challenge. */
    static ContextUpdate freshWebAuthnChallenge(StageContext<?> ctx) {
        byte[] challenge = new byte[32];
        ctx.random().nextBytes(challenge);
        return ContextUpdate.of(webauthnChallengeKey(ctx.stageName()), WebAuthnCeremonies.b64(challenge));
    }

    /**
     * Counts a failed attempt against each of {@code keys} (device ids), publishes a login failure,
     * and returns the rejection with {@code errors}, or a denial once one count reaches the limit.
     */
    static StageResult fail(StageContext<AuthenticatorValidateConfig> ctx, String userId, List<String> keys,
            ResponseErrors errors, ContextUpdate extra) {
        Map<String, Object> counts = new LinkedHashMap<>(ctx.get(failuresKey(ctx.stageName())).orElse(Map.of()));
        long highest = 0;
        for (String key : keys) {
            long count = (counts.get(key) instanceof Number number ? number.longValue() : 0) + 1;
            counts.put(key, count);
            highest = Math.max(highest, count);
        }
        loginFailed(ctx, userId);
        ContextUpdate update = extra.andThen(ContextUpdate.of(failuresKey(ctx.stageName()), counts));
        if (highest >= ctx.config().failedAttemptsBeforeCancel()) {
            return StageResult.deny(AuthenticatorValidateStage.TOO_MANY_ATTEMPTS, update);
        }
        return StageResult.invalid(errors, update);
    }

    /** Publishes a {@link FlowEvent.LoginFailed} for the current stage and {@code userId}. */
    static void loginFailed(StageContext<?> ctx, String userId) {
        ctx.publish(new FlowEvent.LoginFailed(ctx.clock().instant(), ctx.executionId(), ctx.flowSlug(), ctx.stageName(),
                userId));
    }

    /**
     * Returns the update recording that {@code device} verified the pending user: {@code auth_method}
     * {@code auth_mfa} unless already set, the device appended to {@code auth_method_args.mfa_devices},
     * the stage appended to {@code verified_credentials}, and the stage's state cleared.
     */
    static ContextUpdate verified(StageContext<?> ctx, AuthenticatorDevice device) {
        Map<String, Object> args = new LinkedHashMap<>(ctx.get(ContextKeys.AUTH_METHOD_ARGS).orElse(Map.of()));
        List<Object> used = new ArrayList<>(args.get("mfa_devices") instanceof List<?> list ? list : List.of());
        used.add(Map.of("device_class", device.kind().deviceClass(), "device_uid", device.id(), "name", device.name()));
        args.put("mfa_devices", used);
        List<String> verified = new ArrayList<>(ctx.get(ContextKeys.VERIFIED_CREDENTIALS).orElse(List.of()));
        if (!verified.contains(ctx.stageName())) {
            verified.add(ctx.stageName());
        }
        String stage = ctx.stageName();
        return ContextUpdate.of(ContextKeys.AUTH_METHOD, ctx.get(ContextKeys.AUTH_METHOD).orElse("auth_mfa"))
                .put(ContextKeys.AUTH_METHOD_ARGS, args)
                .put(ContextKeys.VERIFIED_CREDENTIALS, List.copyOf(verified))
                .remove(failuresKey(stage)).remove(webauthnChallengeKey(stage)).remove(emailCodesKey(stage))
                .remove(selectedStageKey(stage));
    }
}
