package dev.flowstage.spi;

import dev.flowstage.api.ContextKey;
import dev.flowstage.api.FlowContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Changes a stage makes to the execution's context: puts and removals, applied in order.
 * Immutable; {@code put} and {@code remove} return new instances.
 */
public final class ContextUpdate {
    private static final ContextUpdate NONE = new ContextUpdate(List.of());
    private final List<Change<?>> changes;

    private ContextUpdate(List<Change<?>> changes) {
        this.changes = changes;
    }

    /** Returns the update that changes nothing. */
    public static ContextUpdate none() {
        return NONE;
    }

    /** Returns an update setting {@code key} to {@code value}. */
    public static <T> ContextUpdate of(ContextKey<T> key, T value) {
        return NONE.put(key, value);
    }

    /** Returns this update plus setting {@code key} to {@code value}; a null value removes the key. */
    public <T> ContextUpdate put(ContextKey<T> key, T value) {
        return append(new Change<>(Objects.requireNonNull(key, "key"), value));
    }

    /** Returns this update plus removing {@code key}. */
    public ContextUpdate remove(ContextKey<?> key) {
        return append(new Change<>(Objects.requireNonNull(key, "key"), null));
    }

    /** Returns this update followed by {@code other}. */
    public ContextUpdate andThen(ContextUpdate other) {
        if (other.changes.isEmpty()) {
            return this;
        }
        List<Change<?>> copy = new ArrayList<>(changes);
        copy.addAll(other.changes);
        return new ContextUpdate(Collections.unmodifiableList(copy));
    }

    /** Returns whether the update changes nothing. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Returns {@code context} with this update applied. */
    public FlowContext applyTo(FlowContext context) {
        FlowContext result = context;
        for (Change<?> change : changes) {
            result = change.applyTo(result);
        }
        return result;
    }

    private ContextUpdate append(Change<?> change) {
        List<Change<?>> copy = new ArrayList<>(changes);
        copy.add(change);
        return new ContextUpdate(Collections.unmodifiableList(copy));
    }

    @Override
    public String toString() {
        return "ContextUpdate" + changes.stream().map(change -> change.key.name()).toList();
    }

    private record Change<T>(ContextKey<T> key, T value) {
        FlowContext applyTo(FlowContext context) {
            return value == null ? context.without(key) : context.with(key, value);
        }
    }
}
