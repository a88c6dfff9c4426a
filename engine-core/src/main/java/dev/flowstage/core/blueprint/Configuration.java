package dev.flowstage.core.blueprint;

import dev.flowstage.core.internal.blueprint.ConfigurationJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of the applied configuration: every object blueprints created, in creation order.
 * Immutable; applying a blueprint produces the next version.
 *
 * @param version increases by one with every apply; 0 for the empty configuration
 * @param objects the objects, in creation order, keys unique
 */
public record Configuration(long version, List<ConfigObject> objects) {

    /** Validates the parts and copies the objects. */
    public Configuration {
        if (version < 0) {
            throw new IllegalArgumentException("configuration version must not be negative, got " + version);
        }
        objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
        Map<String, ConfigObject> seen = new LinkedHashMap<>();
        for (ConfigObject object : objects) {
            if (seen.putIfAbsent(object.pk(), object) != null) {
                throw new IllegalArgumentException("configuration holds two objects with key '" + object.pk() + "'");
            }
        }
    }

    /** Returns the empty configuration, version 0. */
    public static Configuration empty() {
        return new Configuration(0, List.of());
    }

    /**
     * Checks that this configuration may replace version {@code expectedVersion}, as
     * {@link ConfigurationStore#replace} requires.
     *
     * @throws IllegalArgumentException when this version is not {@code expectedVersion + 1}
     */
    public void requireFollows(long expectedVersion) {
        if (version != expectedVersion + 1) {
            throw new IllegalArgumentException("next configuration must have version " + (expectedVersion + 1)
                    + ", got " + version);
        }
    }

    /**
     * Returns this configuration as JSON ({@code {"format":1,"version":n,"objects":[...]}}), the form
     * persistent {@link ConfigurationStore}s keep; {@link #fromJson} reads it back.
     */
    public String toJson() {
        return ConfigurationJson.write(this);
    }

    /**
     * Returns the configuration in {@code json}, as {@link #toJson} wrote it.
     *
     * @throws IllegalStateException when it is not a stored configuration of a known format
     */
    public static Configuration fromJson(String json) {
        return ConfigurationJson.read(Objects.requireNonNull(json, "json"));
    }

    /** Returns the object with key {@code pk}, if any. */
    public Optional<ConfigObject> object(String pk) {
        return objects.stream().filter(object -> object.pk().equals(pk)).findFirst();
    }

    /** Returns the objects of model {@code model}, in creation order. */
    public List<ConfigObject> objects(String model) {
        return objects.stream().filter(object -> object.model().equals(model)).toList();
    }
}
