package dev.flowstage.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies JSON-like values (null, String, Boolean, Number, List, Map with String keys) into immutable form. */
final class JsonValues {
    private static final int MAX_DEPTH = 32;

    private JsonValues() {}

    static Map<String, Object> copyObject(Map<String, ?> map, String what) {
        Object copy = copy(map, what, 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) copy;
        return result;
    }

    static Object copy(Object value, String what, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(what + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Secret) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(what + ": map keys must be strings, got " + entry.getKey());
                }
                copy.put(key, copy(entry.getValue(), what + "." + key, depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(copy(item, what + "[]", depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(
                what + ": " + value.getClass().getName() + " is not a JSON value (null, string, boolean, number, list, map)");
    }
}
