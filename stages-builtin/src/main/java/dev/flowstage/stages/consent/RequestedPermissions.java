package dev.flowstage.stages.consent;

import dev.flowstage.api.FlowContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the permissions an execution asks consent for from {@link ConsentStage#PERMISSIONS}. */
final class RequestedPermissions {
    private RequestedPermissions() {}

    /**
     * Returns the requested permissions in order, the first of each id only; empty when the key is
     * absent. Entries are {@code {id, name}} maps (a missing name shows the id) or {@link ConsentPermission}s.
     *
     * @throws IllegalStateException naming the entry when one is neither (a host mistake: the stage fails closed)
     */
    static List<ConsentPermission> of(FlowContext context) {
        List<?> raw = context.get(ConsentStage.PERMISSIONS).orElse(List.of());
        Map<String, ConsentPermission> byId = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            ConsentPermission permission = parse(raw.get(i), i);
            byId.putIfAbsent(permission.id(), permission);
        }
        return List.copyOf(byId.values());
    }

    /** Returns the ids of {@code permissions}. */
    static Set<String> ids(List<ConsentPermission> permissions) {
        return permissions.stream().map(ConsentPermission::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Returns those of {@code permissions} whose id is (when {@code in}) or is not in {@code ids}, as JSON objects. */
    static List<Map<String, Object>> select(List<ConsentPermission> permissions, Set<String> ids, boolean in) {
        return permissions.stream().filter(permission -> ids.contains(permission.id()) == in)
                .map(ConsentPermission::toMap).toList();
    }

    private static ConsentPermission parse(Object entry, int index) {
        if (entry instanceof ConsentPermission permission) {
            return permission;
        }
        if (entry instanceof Map<?, ?> map && map.get("id") instanceof String id && !id.isBlank()) {
            Object name = map.get("name");
            if (name == null || name instanceof String) {
                return new ConsentPermission(id, name == null ? id : (String) name);
            }
        }
        throw new IllegalStateException("context key '" + ConsentStage.PERMISSIONS.name() + "': entry " + index
                + " is not an {id, name} object with a non-blank string id and a string name");
    }
}
