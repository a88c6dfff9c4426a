package dev.flowstage.core.blueprint;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one entry of a blueprint does (or did) to the configuration.
 *
 * @param source the blueprint's source
 * @param entry the 0-based entry index, or -1 for a change that follows from another entry (a
 *     binding deleted with its flow)
 * @param action what happens to the object
 * @param model the object's model name
 * @param object how the object is named: {@code slug=...}, {@code name=...} or its identifiers
 * @param fields the attributes that change (for updates), sorted; empty otherwise
 */
public record BlueprintChange(String source, int entry, Action action, String model, String object, List<String> fields) {

    /** What happens to an object. */
    public enum Action {
        /** A new object is created. */
        CREATE,
        /** An existing object changes. */
        UPDATE,
        /** An existing object is deleted ({@code state: absent}, or with an object it depends on). */
        DELETE,
        /** The object exists and already looks as the entry describes. */
        UNCHANGED,
        /** The entry does nothing: its conditions are false, it is {@code created} and exists, or absent and missing. */
        SKIP;

        /** Returns the lower-case name used in messages. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates and copies the parts. */
    public BlueprintChange {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(object, "object");
        fields = List.copyOf(fields);
    }

    /** Returns whether the change alters the configuration. */
    public boolean changes() {
        return action == Action.CREATE || action == Action.UPDATE || action == Action.DELETE;
    }

    /** Returns one line: {@code <action> <model> <object> [fields] (<source> entries[n])}. */
    @Override
    public String toString() {
        return action.label() + " " + model + " " + object + (fields.isEmpty() ? "" : " " + fields)
                + " (" + source + (entry >= 0 ? " entries[" + entry + "]" : "") + ")";
    }
}
