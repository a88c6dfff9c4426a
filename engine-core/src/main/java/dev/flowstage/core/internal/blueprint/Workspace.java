package dev.flowstage.core.internal.blueprint;

import dev.flowstage.core.blueprint.ConfigObject;
import dev.flowstage.core.blueprint.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of a configuration being changed by an import: a mutable copy of a
 * {@link Configuration}, thrown away unless the whole import succeeds. Not thread-safe.
 */
final class Workspace {
    private final Map<String, ConfigObject> objects = new LinkedHashMap<>();
    private final long baseVersion;

    Workspace(Configuration base) {
        base.objects().forEach(object -> objects.put(object.pk(), object));
        this.baseVersion = base.version();
    }

    long baseVersion() {
        return baseVersion;
    }

    Optional<ConfigObject> get(String pk) {
        return pk == null ? Optional.empty() : Optional.ofNullable(objects.get(pk));
    }

    List<ConfigObject> ofModel(String model) {
        return objects.values().stream().filter(object -> object.model().equals(model)).toList();
    }

    /** Returns the first object of {@code model} whose fields equal {@code query} ({@code pk} matches the key). */
    Optional<ConfigObject> findFirst(String model, Map<String, Object> query) {
        return ofModel(model).stream().filter(object -> matchesAll(object, query)).findFirst();
    }

    /**
     * Returns the object an entry's identifiers select, as authentik does: its {@code pk} matches, or
     * every other identifier does (a mapping identifier is contained in the field).
     */
    Optional<ConfigObject> match(String model, Map<String, Object> identifiers) {
        Object pk = identifiers.get("pk");
        Map<String, Object> others = new LinkedHashMap<>(identifiers);
        others.remove("pk");
        return ofModel(model).stream()
                .filter(object -> (pk != null && object.pk().equals(String.valueOf(pk)))
                        || (!others.isEmpty() && matchesAll(object, others)))
                .findFirst();
    }

    private static boolean matchesAll(ConfigObject object, Map<String, Object> query) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            Object actual = condition.getKey().equals("pk") ? object.pk() : object.field(condition.getKey());
            if (!matches(actual, condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Object actual, Object wanted) {
        if (wanted instanceof Map<?, ?> subset && actual instanceof Map<?, ?> map) {
            return subset.entrySet().stream().allMatch(e -> matches(map.get(e.getKey()), e.getValue()));
        }
        return Values.same(actual, wanted);
    }

    void put(ConfigObject object) {
        objects.put(object.pk(), object);
    }

    /**
     * Deletes the object {@code pk} and what depends on it, as authentik's foreign keys do: bindings
     * whose target, stage, policy or group it is are deleted too (recursively); other references to it
     * are cleared (removed from lists, set to null in fields). Returns every deleted object, the
     * object itself first.
     */
    List<ConfigObject> delete(String pk) {
        List<ConfigObject> deleted = new ArrayList<>();
        ConfigObject removed = objects.remove(pk);
        if (removed == null) {
            return deleted;
        }
        deleted.add(removed);
        for (ConfigObject object : List.copyOf(objects.values())) {
            if (!objects.containsKey(object.pk())) {
                continue;
            }
            if (Structural.cascades(object, pk)) {
                deleted.addAll(delete(object.pk()));
            } else if (refersTo(object.fields(), pk)) {
                objects.put(object.pk(), new ConfigObject(object.pk(), object.model(), clear(object.fields(), pk)));
            }
        }
        return deleted;
    }

    private static boolean refersTo(Map<String, Object> fields, String pk) {
        return fields.values().stream().anyMatch(value -> pk.equals(value)
                || (value instanceof List<?> list && list.contains(pk)));
    }

    private static Map<String, Object> clear(Map<String, Object> fields, String pk) {
        Map<String, Object> cleared = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (pk.equals(value)) {
                cleared.put(key, null);
            } else if (value instanceof List<?> list && list.contains(pk)) {
                cleared.put(key, list.stream().filter(item -> !pk.equals(item)).toList());
            } else {
                cleared.put(key, value);
            }
        });
        return cleared;
    }

    /** Returns the workspace as the next configuration version. */
    Configuration snapshot() {
        return new Configuration(baseVersion + 1, List.copyOf(objects.values()));
    }

    List<ConfigObject> all() {
        return List.copyOf(objects.values());
    }
}
