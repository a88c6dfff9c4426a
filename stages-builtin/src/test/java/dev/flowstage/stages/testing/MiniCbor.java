package dev.flowstage.stages.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A small CBOR encoder (RFC 8949) for building WebAuthn attestation objects and COSE keys in tests,
 * written independently of the library under test: integers, byte and text strings, arrays, maps.
 */
public final class MiniCbor {
    private MiniCbor() {}

    /** Returns {@code value} (Integer/Long, byte[], String, List, Map in iteration order) as CBOR. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            head(out, number >= 0 ? 0 : 1, number >= 0 ? number : -1 - number);
        } else if (value instanceof byte[] bytes) {
            head(out, 2, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            head(out, 3, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof List<?> list) {
            head(out, 4, list.size());
            list.forEach(item -> write(item, out));
        } else if (value instanceof Map<?, ?> map) {
            head(out, 5, map.size());
            map.forEach((key, item) -> {
                write(key, out);
                write(item, out);
            });
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    private static void head(ByteArrayOutputStream out, int major, long length) {
        int type = major << 5;
        if (length < 24) {
            out.write(type | (int) length);
        } else if (length < 0x100) {
            out.write(type | 24);
            out.write((int) length);
        } else if (length < 0x10000) {
            out.write(type | 25);
            out.write((int) (length >> 8));
            out.write((int) length);
        } else {
            out.write(type | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift));
            }
        }
    }
}
