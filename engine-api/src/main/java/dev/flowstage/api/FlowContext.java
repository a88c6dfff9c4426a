package dev.flowstage.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The execution's context: typed data that stages write and policies read.
 *
 * <p>Immutable and thread-safe; {@code with}/{@code without} return new instances. Values are
 * JSON-like data or records of it (see {@link ContextKey}).
 */
public final class FlowContext {
    private static final FlowContext EMPTY = new FlowContext(Map.of());
    private final Map<String, Object> values;

    private FlowContext(Map<String, Object> values) {
        this.values = values;
    }

    /** Returns the empty context. */
    public static FlowContext empty() {
        return EMPTY;
    }

    /** Returns a context holding {@code values} by key name; null values are dropped. */
    public static FlowContext of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                copy.put(Objects.requireNonNull(name, "key name"), value);
            }
        });
        return new FlowContext(Collections.unmodifiableMap(copy));
    }

    /**
     * Returns the value of {@code key}, or empty when absent.
     *
     * @throws IllegalStateException when the stored value is not of the key's type
     */
    public <T> Optional<T> get(ContextKey<T> key) {
        Object value = values.get(key.name());
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number && !key.type().isInstance(value)) {
            value = coerce(number, key.type());
        }
        if (!key.type().isInstance(value)) {
            throw new IllegalStateException("context key '" + key.name() + "' holds a "
                    + value.getClass().getSimpleName() + ", not a " + key.type().getSimpleName());
        }
        return Optional.of(key.type().cast(value));
    }

    /** Converts between number types, since JSON does not tell Integer from Long. */
    private static Object coerce(Number number, Class<?> type) {
        if (type == Integer.class) {
            return number.intValue();
        }
        if (type == Long.class) {
            return number.longValue();
        }
        if (type == Double.class) {
            return number.doubleValue();
        }
        return number;
    }

    /** Returns whether {@code key} has a value. */
    public boolean contains(ContextKey<?> key) {
        return values.containsKey(key.name());
    }

    /** Returns this context with {@code key} set to {@code value}; a null value removes the key. */
    public <T> FlowContext with(ContextKey<T> key, T value) {
        if (value == null) {
            return without(key);
        }
        if (!key.type().isInstance(value)) {
            throw new IllegalArgumentException("context key '" + key.name() + "' takes a "
                    + key.type().getSimpleName() + ", not a " + value.getClass().getSimpleName());
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key.name(), value);
        return new FlowContext(Collections.unmodifiableMap(copy));
    }

    /** Returns this context without {@code key}. */
    public FlowContext without(ContextKey<?> key) {
        if (!values.containsKey(key.name())) {
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(key.name());
        return new FlowContext(Collections.unmodifiableMap(copy));
    }

    /** Returns all values by key name; unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlowContext context && values.equals(context.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Returns the key names only; values may be personal data. */
    @Override
    public String toString() {
        return "FlowContext" + values.keySet();
    }
}
