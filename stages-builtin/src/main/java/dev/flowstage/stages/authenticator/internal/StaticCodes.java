package dev.flowstage.stages.authenticator.internal;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.Secret;
import dev.flowstage.spi.StageContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static recovery codes: generated from the engine's random source, stored as SHA-256 hashes in
 * the device data ({@code codes}), and consumed by removing the hash with an atomic replace, so
 * each code works once even under concurrent submits.
 *
 * <p>SHA-256 without salt or stretching is enough here because the codes are random with at least
 * 59 bits of entropy (10+ characters of 62): nobody can enumerate that space to reverse a hash,
 * unlike passwords chosen by people, and every code is unique, so salts would add nothing.
 */
public final class StaticCodes {
    /** The data key of the list of code hashes. */
    public static final String CODES = "codes";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private StaticCodes() {}

    /** Returns {@code count} random codes of {@code length} characters of {@code [a-zA-Z0-9]} (authentik's alphabet). */
    public static List<String> generate(SecureRandom random, int count, int length) {
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder code = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Returns the device data holding the hashes of {@code codes}. */
    public static Map<String, Object> data(List<String> codes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(CODES, codes.stream().map(CodeHashes::sha256).toList());
        return data;
    }

    /**
     * Consumes {@code code} on {@code device}: removes its hash and records the use atomically;
     * returns the updated device, or empty when the code is not (or no longer) on it.
     */
    public static Optional<AuthenticatorDevice> consume(StageContext<?> ctx, AuthenticatorDevice device, Secret code) {
        String hash = CodeHashes.sha256(code.reveal().trim());
        return Devices.update(ctx, device.id(), current -> {
            List<String> remaining = hashes(current);
            int index = indexOf(remaining, hash);
            if (index < 0) {
                return null;
            }
            remaining.remove(index);
            Map<String, Object> data = new LinkedHashMap<>(current.data());
            data.put(CODES, List.copyOf(remaining));
            return current.updated(data, ctx.clock().instant());
        });
    }

    /** Returns how many unused codes {@code device} has. */
    public static int remaining(AuthenticatorDevice device) {
        return hashes(device).size();
    }

    private static List<String> hashes(AuthenticatorDevice device) {
        List<String> hashes = new ArrayList<>();
        if (device.data().get(CODES) instanceof List<?> list) {
            list.forEach(item -> hashes.add(String.valueOf(item)));
        }
        return hashes;
    }

    private static int indexOf(List<String> hashes, String hash) {
        int found = -1;
        for (int i = 0; i < hashes.size(); i++) {
            if (CodeHashes.same(hashes.get(i), hash) && found < 0) {
                found = i;
            }
        }
        return found;
    }
}
