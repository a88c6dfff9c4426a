package dev.flowstage.stages.authenticator.validate;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.Devices;
import dev.flowstage.stages.authenticator.internal.WebAuthnCeremonies;
import dev.flowstage.stages.authenticator.webauthn.UserVerification;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The WebAuthn factor of the validation stage. Every rejected assertion rotates the execution's
 * challenge, so an assertion that failed for any reason cannot be tried again.
 */
final class WebAuthnFactor {
    private WebAuthnFactor() {}

    static StageResult verify(StageContext<AuthenticatorValidateConfig> ctx, String userId,
            List<AuthenticatorDevice> devices, Map<?, ?> assertion) {
        List<AuthenticatorDevice> credentials = devices.stream().filter(d -> d.kind() == DeviceKind.WEBAUTHN).toList();
        ContextUpdate rotate = ValidateState.freshWebAuthnChallenge(ctx);
        Optional<byte[]> id = WebAuthnCeremonies.credentialId(assertion);
        Optional<AuthenticatorDevice> device = credentials.stream()
                .filter(candidate -> id.isPresent() && Arrays.equals(WebAuthnCeremonies.storedCredentialId(candidate), id.get()))
                .findFirst();
        if (device.isEmpty()) {
            return failed(ctx, userId, AuthenticatorValidateStage.WEBAUTHN, AuthenticatorValidateStage.INVALID_DEVICE, rotate);
        }
        Optional<String> challenge = ctx.get(ValidateState.webauthnChallengeKey(ctx.stageName()));
        if (challenge.isEmpty()) {
            return failed(ctx, userId, device.get().id(), AuthenticatorValidateStage.ASSERTION_FAILED, rotate);
        }
        List<byte[]> allowed = credentials.stream().map(WebAuthnCeremonies::storedCredentialId).toList();
        WebAuthnCeremonies.Outcome<Long> outcome = WebAuthnCeremonies.authenticate(assertion, device.get(), allowed,
                expectation(ctx, device.get(), challenge.get()));
        Optional<AuthenticatorDevice> used = outcome.succeeded() ? record(ctx, device.get(), outcome.value()) : Optional.empty();
        if (used.isEmpty()) {
            return failed(ctx, userId, device.get().id(), AuthenticatorValidateStage.ASSERTION_FAILED, rotate);
        }
        return StageResult.proceed(ValidateState.verified(ctx, used.get()));
    }

    private static WebAuthnCeremonies.Expectation expectation(StageContext<AuthenticatorValidateConfig> ctx,
            AuthenticatorDevice device, String challenge) {
        Set<String> origins = new LinkedHashSet<>(ctx.config().webauthnOrigins());
        if (origins.isEmpty() && device.data().get(WebAuthnCeremonies.ORIGINS) instanceof List<?> registered) {
            registered.forEach(origin -> origins.add(String.valueOf(origin)));
        }
        return new WebAuthnCeremonies.Expectation(origins, Devices.string(device.data(), WebAuthnCeremonies.RP_ID),
                Base64.getUrlDecoder().decode(challenge),
                ctx.config().webauthnUserVerification() == UserVerification.REQUIRED);
    }

    /** Stores the new signature counter, refusing it if a concurrent use already reached it. */
    private static Optional<AuthenticatorDevice> record(StageContext<?> ctx, AuthenticatorDevice device, long signCount) {
        return Devices.update(ctx, device.id(), current -> {
            long stored = Devices.longValue(current.data(), WebAuthnCeremonies.SIGN_COUNT, 0);
            if ((stored != 0 || signCount != 0) && signCount <= stored) {
                return null;
            }
            Map<String, Object> data = new LinkedHashMap<>(current.data());
            data.put(WebAuthnCeremonies.SIGN_COUNT, signCount);
            return current.updated(data, ctx.clock().instant());
        });
    }

    private static StageResult failed(StageContext<AuthenticatorValidateConfig> ctx, String userId, String key,
            String message, ContextUpdate rotate) {
        return ValidateState.fail(ctx, userId, List.of(key),
                ResponseErrors.invalid(AuthenticatorValidateStage.WEBAUTHN, message), rotate);
    }
}
