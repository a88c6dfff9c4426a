package dev.flowstage.stages.authenticator.internal;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.Secret;
import dev.flowstage.spi.SecretSealer;
import dev.flowstage.spi.StageContext;
import dev.flowstage.stages.authenticator.totp.Totp;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TOTP device data and replay-safe verification. The data holds the seed sealed with the {@link
 * SecretSealer} ({@code secret}), {@code algorithm}, {@code digits}, {@code period},
 * {@code tolerance}, and {@code last_step}: the time step of the last accepted code. A code is
 * accepted only from a later step, and {@code last_step} moves forward with an atomic replace,
 * so a code is never accepted twice, even by two concurrent submits.
 */
public final class TotpDevices {
    /** The data key of the sealed seed. */
    public static final String SECRET = "secret";
    /** The data key of the last accepted time step. */
    public static final String LAST_STEP = "last_step";

    private TotpDevices() {}

    /** Returns the data of a new device with {@code sealedSeed}, whose code of {@code usedStep} was just accepted. */
    public static Map<String, Object> data(String sealedSeed, TotpAlgorithm algorithm, int digits, int period,
            int tolerance, long usedStep) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(SECRET, sealedSeed);
        data.put("algorithm", algorithm.wireName());
        data.put("digits", digits);
        data.put("period", period);
        data.put("tolerance", tolerance);
        data.put(LAST_STEP, usedStep);
        return data;
    }

    /** Returns the generator described by {@code device}'s data. */
    public static Totp generator(AuthenticatorDevice device) {
        Map<String, Object> data = device.data();
        return new Totp(TotpAlgorithm.fromWireName(Devices.string(data, "algorithm")),
                (int) Devices.longValue(data, "digits", 6), (int) Devices.longValue(data, "period", 30));
    }

    /** Returns {@code code} without spaces when it is all digits; empty otherwise. */
    public static Optional<String> normalise(Secret code) {
        String digits = code.reveal().replace(" ", "");
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9') ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Accepts {@code code} for device {@code device} if it matches a time step within the device's
     * tolerance that is later than the last accepted one, recording that step and the use
     * atomically; returns the updated device, or empty when the code is wrong, replayed, or lost
     * a race with a concurrent use.
     */
    public static Optional<AuthenticatorDevice> consume(StageContext<?> ctx, AuthenticatorDevice device, Secret code) {
        Optional<String> digits = normalise(code);
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        SecretSealer sealer = ctx.service(SecretSealer.class);
        return Devices.update(ctx, device.id(), current -> {
            OptionalLong step = matchingStep(ctx, sealer, current, digits.get());
            if (step.isEmpty()) {
                return null;
            }
            Map<String, Object> data = new LinkedHashMap<>(current.data());
            data.put(LAST_STEP, step.getAsLong());
            return current.updated(data, ctx.clock().instant());
        });
    }

    private static OptionalLong matchingStep(StageContext<?> ctx, SecretSealer sealer, AuthenticatorDevice device,
            String digits) {
        Totp totp = generator(device);
        if (digits.length() != totp.digits()) {
            return OptionalLong.empty();
        }
        byte[] seed = sealer.open(Devices.string(device.data(), SECRET));
        try {
            long lastStep = Devices.longValue(device.data(), LAST_STEP, Long.MIN_VALUE);
            int tolerance = (int) Devices.longValue(device.data(), "tolerance", 1);
            return totp.match(seed, digits, totp.step(ctx.clock().instant()), tolerance, lastStep);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }
}
