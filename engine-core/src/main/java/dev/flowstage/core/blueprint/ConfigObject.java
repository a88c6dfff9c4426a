package dev.flowstage.core.blueprint;

import dev.flowstage.core.internal.blueprint.Values;
import java.util.Map;
import java.util.Objects;

/**
 * One object of a configuration, as authentik stores a model instance: its key, its model name and
 * its fields. References to other objects are their keys. Immutable.
 *
 * @param pk the object's key, unique in the configuration; derived from the model and identifiers
 *     when the blueprint does not give one, so the same blueprint creates the same keys
 * @param model the model name, such as {@code authentik_flows.flow}
 * @param fields the fields: strings, booleans, longs, doubles, lists and maps with string keys
 */
public record ConfigObject(String pk, String model, Map<String, Object> fields) {

    /** Validates the parts and copies the fields into an immutable, normalised form. */
    public ConfigObject {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(model, "model");
        fields = Values.immutableMap(Objects.requireNonNull(fields, "fields"));
    }

    /** Returns the field {@code name}, or null. */
    public Object field(String name) {
        return fields.get(name);
    }

    /** Returns the key, model and field names, never the values (a field may hold a secret such as an SMTP password). */
    @Override
    public String toString() {
        return "ConfigObject[pk=" + pk + ", model=" + model + ", fields=" + fields.keySet() + "]";
    }
}
