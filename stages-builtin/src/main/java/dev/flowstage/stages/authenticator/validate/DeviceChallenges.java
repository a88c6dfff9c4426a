package dev.flowstage.stages.authenticator.validate;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.spi.StageContext;
import dev.flowstage.stages.authenticator.internal.Devices;
import dev.flowstage.stages.authenticator.internal.EmailCodes;
import dev.flowstage.stages.authenticator.internal.WebAuthnCeremonies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the challenge's {@code device_challenges}: one entry per device class, for its oldest device. */
final class DeviceChallenges {
    private DeviceChallenges() {}

    static List<Object> of(StageContext<AuthenticatorValidateConfig> ctx, List<AuthenticatorDevice> devices) {
        Map<DeviceKind, AuthenticatorDevice> first = new LinkedHashMap<>();
        devices.forEach(device -> first.putIfAbsent(device.kind(), device));
        List<Object> challenges = new ArrayList<>();
        for (AuthenticatorDevice device : first.values()) {
            challengeFor(ctx, device, devices).ifPresent(challenge -> challenges.add(entry(device, challenge)));
        }
        return challenges;
    }

    private static Optional<Map<String, Object>> challengeFor(StageContext<AuthenticatorValidateConfig> ctx,
            AuthenticatorDevice device, List<AuthenticatorDevice> devices) {
        switch (device.kind()) {
            case EMAIL:
                return Optional.of(Map.of("email", EmailCodes.mask(Devices.string(device.data(), EmailCodes.ADDRESS))));
            case WEBAUTHN:
                return ctx.get(ValidateState.webauthnChallengeKey(ctx.stageName()))
                        .map(challenge -> webauthn(ctx, device, devices, challenge));
            default:
                return Optional.of(Map.of());
        }
    }

    /** Returns WebAuthn's PublicKeyCredentialRequestOptions with every credential of the first one's relying party. */
    private static Map<String, Object> webauthn(StageContext<AuthenticatorValidateConfig> ctx,
            AuthenticatorDevice first, List<AuthenticatorDevice> devices, String challenge) {
        String rpId = Devices.string(first.data(), WebAuthnCeremonies.RP_ID);
        List<Object> allow = new ArrayList<>();
        for (AuthenticatorDevice device : devices) {
            if (device.kind() == DeviceKind.WEBAUTHN && rpId.equals(Devices.string(device.data(), WebAuthnCeremonies.RP_ID))) {
                Map<String, Object> credential = new LinkedHashMap<>();
                credential.put("type", "public-key");
                credential.put("id", Devices.string(device.data(), WebAuthnCeremonies.CREDENTIAL_ID));
                Object transports = device.data().get("transports");
                if (transports instanceof List<?> list && !list.isEmpty()) {
                    credential.put("transports", transports);
                }
                allow.add(credential);
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", challenge);
        options.put("timeout", WebAuthnCeremonies.TIMEOUT_MILLIS);
        options.put("rpId", rpId);
        options.put("allowCredentials", allow);
        options.put("userVerification", ctx.config().webauthnUserVerification().wireName());
        return options;
    }

    private static Map<String, Object> entry(AuthenticatorDevice device, Map<String, Object> challenge) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("device_class", device.kind().deviceClass());
        entry.put("device_uid", device.id());
        entry.put("challenge", challenge);
        entry.put("last_used", device.lastUsedAt().map(Object::toString).orElse(null));
        return entry;
    }
}
