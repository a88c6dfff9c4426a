package dev.flowstage.jdbc;

import dev.flowstage.api.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON-like maps to TEXT columns and reads them back. Only plain JSON values are stored:
 * a {@link Secret} or any other object is refused rather than written in a lossy form. Numbers come
 * back as Integer, Long or BigInteger (whole numbers, the smallest that fits) or Double.
 */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private Json() {}

    /**
     * Returns {@code map} as compact JSON.
     *
     * @throws IllegalArgumentException naming {@code what} when a value is not plain JSON
     */
    static String write(Map<String, ?> map, String what) {
        check(map, what);
        return MAPPER.writeValueAsString(map);
    }

    /**
     * Returns the JSON object in {@code text}, immutable.
     *
     * @throws IllegalStateException naming {@code what} when the stored text is not a JSON object
     */
    static Map<String, Object> read(String text, String what) {
        try {
            Map<String, Object> map = MAPPER.readValue(text, OBJECT);
            if (map == null) {
                throw new IllegalStateException(what + " is not a JSON object");
            }
            return freeze(map);
        } catch (JacksonException e) {
            throw new IllegalStateException(what + " cannot be read as JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void check(Object value, String what) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return;
        }
        if (value instanceof Double || value instanceof Float) {
            if (!Double.isFinite(((Number) value).doubleValue())) {
                throw new IllegalArgumentException(what + ": NaN and infinite numbers are not JSON");
            }
            return;
        }
        if (value instanceof Secret) {
            throw new IllegalArgumentException(what + ": a secret cannot be stored; store a hash or a sealed form");
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(what + ": map keys must be strings");
                }
                check(entry.getValue(), what + "." + key);
            }
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(item -> check(item, what + "[]"));
            return;
        }
        throw new IllegalArgumentException(what + ": " + value.getClass().getName() + " is not a JSON value");
    }

    @SuppressWarnings("unchecked")
    private static <T> T freeze(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, freeze(item)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(freeze(item)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }
}
