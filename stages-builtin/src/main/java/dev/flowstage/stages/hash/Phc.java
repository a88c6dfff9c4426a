package dev.flowstage.stages.hash;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and writes the parts of PHC strings strictly; never throws on malformed input. */
final class Phc {
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,9}");
    private static final Pattern B64 = Pattern.compile("[A-Za-z0-9+/]+");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final int MAX_LENGTH = 1024;

    private Phc() {}

    /** Splits {@code encoded} at '$'; empty when it is null, too long or does not start with '$'. */
    static Optional<String[]> split(String encoded, int parts) {
        if (encoded == null || encoded.length() > MAX_LENGTH || !encoded.startsWith("$")) {
            return Optional.empty();
        }
        String[] split = encoded.split("\\$", -1);
        return split.length == parts ? Optional.of(split) : Optional.empty();
    }

    /** Parses {@code "name=<decimal>"}; -1 when the name differs or the number is malformed. */
    static long param(String text, String name) {
        if (!text.startsWith(name + "=")) {
            return -1;
        }
        String digits = text.substring(name.length() + 1);
        return DECIMAL.matcher(digits).matches() ? Long.parseLong(digits) : -1;
    }

    /** Decodes unpadded standard base64, refusing non-canonical encodings (unused bits set). */
    static Optional<byte[]> decode(String text) {
        if (!B64.matcher(text).matches() || text.length() % 4 == 1) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(text);
        return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }

    /** Encodes {@code bytes} as unpadded standard base64. */
    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Returns whether {@code value} lies in [{@code min}, {@code max}]. */
    static boolean within(long value, long min, long max) {
        return value >= min && value <= max;
    }

    /** Overwrites {@code bytes} with zeros. */
    static void wipe(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
    }
}
