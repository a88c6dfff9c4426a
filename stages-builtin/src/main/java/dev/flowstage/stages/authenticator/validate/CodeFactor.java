package dev.flowstage.stages.authenticator.validate;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.Secret;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.Devices;
import dev.flowstage.stages.authenticator.internal.EmailCodes;
import dev.flowstage.stages.authenticator.internal.StaticCodes;
import dev.flowstage.stages.authenticator.internal.TotpDevices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code factor of the validation stage: TOTP, static and emailed codes, and selecting a device. */
final class CodeFactor {
    static final String SEND_FAILED = "Failed to send email.";
    static final String TOO_MANY_SENDS = "Too many codes were requested.";
    private static final String SENT_PREFIX = "sent:";

    private CodeFactor() {}

    /** Accepts {@code code} for the first TOTP, static or emailed-code device it is valid for, consuming it. */
    static StageResult verify(StageContext<AuthenticatorValidateConfig> ctx, String userId,
            List<AuthenticatorDevice> devices, Secret code) {
        Map<String, Object> mailed = ctx.get(ValidateState.emailCodesKey(ctx.stageName())).orElse(Map.of());
        List<String> checked = new ArrayList<>();
        for (AuthenticatorDevice device : ordered(devices)) {
            Optional<AuthenticatorDevice> used = Optional.empty();
            if (device.kind() == DeviceKind.TOTP) {
                used = TotpDevices.consume(ctx, device, code);
            } else if (device.kind() == DeviceKind.STATIC) {
                used = StaticCodes.consume(ctx, device, code);
            } else if (device.kind() == DeviceKind.EMAIL && mailed.get(device.id()) instanceof Map<?, ?> state) {
                used = emailed(ctx, device, state, code);
            } else {
                continue;
            }
            if (used.isPresent()) {
                return StageResult.proceed(ValidateState.verified(ctx, used.get()));
            }
            checked.add(device.id());
        }
        return ValidateState.fail(ctx, userId, checked.isEmpty() ? List.of(AuthenticatorValidateStage.CODE) : checked,
                ResponseErrors.invalid(AuthenticatorValidateStage.CODE, AuthenticatorValidateStage.INVALID_TOKEN),
                ContextUpdate.none());
    }

    /** Handles {@code selected_challenge}: an offered class is accepted, and for an email device a code is mailed. */
    static StageResult select(StageContext<AuthenticatorValidateConfig> ctx, List<AuthenticatorDevice> devices,
            Object selected) {
        Optional<AuthenticatorDevice> device = selectedDevice(devices, selected);
        if (device.isEmpty()) {
            return StageResult.invalid(ResponseErrors.invalid(AuthenticatorValidateStage.SELECTED_CHALLENGE,
                    AuthenticatorValidateStage.NO_COMPATIBLE_DEVICE));
        }
        return device.get().kind() == DeviceKind.EMAIL ? mail(ctx, device.get()) : StageResult.show();
    }

    private static StageResult mail(StageContext<AuthenticatorValidateConfig> ctx, AuthenticatorDevice device) {
        Map<String, Object> counts = new LinkedHashMap<>(ctx.get(ValidateState.failuresKey(ctx.stageName())).orElse(Map.of()));
        long sent = counts.get(SENT_PREFIX + device.id()) instanceof Number number ? number.longValue() : 0;
        if (sent >= ctx.config().failedAttemptsBeforeCancel()) {
            return StageResult.invalid(ResponseErrors.nonField(TOO_MANY_SENDS, "invalid"));
        }
        Map<String, Object> data = device.data();
        Optional<Map<String, Object>> state = EmailCodes.send(ctx, Devices.string(data, EmailCodes.ADDRESS),
                subject(data), Duration.ofSeconds(Devices.longValue(data, "code_validity", 600)));
        if (state.isEmpty()) {
            return StageResult.invalid(ResponseErrors.nonField(SEND_FAILED, "invalid"));
        }
        Map<String, Object> mailed = new LinkedHashMap<>(ctx.get(ValidateState.emailCodesKey(ctx.stageName())).orElse(Map.of()));
        mailed.put(device.id(), state.get());
        counts.put(SENT_PREFIX + device.id(), sent + 1);
        return StageResult.show(ContextUpdate.of(ValidateState.emailCodesKey(ctx.stageName()), mailed)
                .put(ValidateState.failuresKey(ctx.stageName()), counts));
    }

    private static Optional<AuthenticatorDevice> emailed(StageContext<?> ctx, AuthenticatorDevice device, Map<?, ?> state,
            Secret code) {
        Map<String, Object> typed = new LinkedHashMap<>();
        state.forEach((key, value) -> typed.put(String.valueOf(key), value));
        if (!EmailCodes.matches(typed, code, ctx.clock().instant())) {
            return Optional.empty();
        }
        return Devices.update(ctx, device.id(), current -> current.updated(current.data(), ctx.clock().instant()));
    }

    private static Optional<AuthenticatorDevice> selectedDevice(List<AuthenticatorDevice> devices, Object selected) {
        if (!(selected instanceof Map<?, ?> map) || !(map.get("device_class") instanceof String deviceClass)) {
            return Optional.empty();
        }
        Object uid = map.get("device_uid");
        List<AuthenticatorDevice> ofClass = devices.stream()
                .filter(device -> device.kind().deviceClass().equals(deviceClass)).toList();
        return ofClass.stream().filter(device -> device.id().equals(uid)).findFirst()
                .or(() -> ofClass.stream().findFirst());
    }

    /** TOTP devices first, then static, then email, as authentik's token matching does. */
    private static List<AuthenticatorDevice> ordered(List<AuthenticatorDevice> devices) {
        List<AuthenticatorDevice> ordered = new ArrayList<>();
        for (DeviceKind kind : List.of(DeviceKind.TOTP, DeviceKind.STATIC, DeviceKind.EMAIL)) {
            devices.stream().filter(device -> device.kind() == kind).forEach(ordered::add);
        }
        return ordered;
    }

    private static String subject(Map<String, Object> data) {
        String subject = Devices.string(data, "subject");
        return subject.isEmpty() ? "Your sign-in code" : subject;
    }
}
