package dev.flowstage.core.internal.blueprint;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-like values of blueprints and configurations: normalising numbers (integers become longs),
 * immutable deep copies, deep merges, and Python's truthiness.
 */
public final class Values {
    private Values() {}

    /** Returns an immutable, normalised deep copy of {@code map}. */
    public static Map<String, Object> immutableMap(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, immutable(value)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Returns an immutable, normalised deep copy of a JSON-like value.
     *
     * @throws IllegalArgumentException when the value is not JSON-like
     */
    public static Object immutable(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), immutable(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(immutable(item)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
    }

    /** Returns integers as longs (big integers stay big when they do not fit) and other numbers as doubles. */
    static Object number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        return number.doubleValue();
    }

    /** Returns {@code over} deep-merged over {@code base}: maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            Object previous = merged.get(key);
            if (previous instanceof Map<?, ?> left && value instanceof Map<?, ?> right) {
                merged.put(key, deepMerge((Map<String, Object>) left, (Map<String, Object>) right));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** Returns Python's {@code bool(value)}: null, false, zero, empty strings and empty collections are false. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        if (value instanceof String text) {
            return !text.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        return true;
    }

    /** Returns whether two normalised values are equal, numbers compared by value. */
    static boolean same(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return java.util.Objects.equals(left == null ? null : immutable(left), right == null ? null : immutable(right));
    }

    /** Returns Python's {@code str(value)}, for {@code !Format}: True, False, None. */
    static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        return String.valueOf(value);
    }

    /** Returns a short description of the value's type, for messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
