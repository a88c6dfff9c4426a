package dev.flowstage.stages.consent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One permission an application asks for, as the protocol's {@code ConsentPermission}
 * {@code {"id": .., "name": ..}}: typically an OAuth scope and its description.
 *
 * @param id the stable id that consents are remembered by, such as {@code openid}; not blank
 * @param name what the user is shown, such as "Access your email address"
 */
public record ConsentPermission(String id, String name) {

    /**
     * Validates the parts.
     *
     * @throws NullPointerException when a part is null
     * @throws IllegalArgumentException when {@code id} is blank
     */
    public ConsentPermission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank()) {
            throw new IllegalArgumentException("consent permission id must not be blank");
        }
    }

    /** Returns the permission {@code id} shown as {@code name}. */
    public static ConsentPermission of(String id, String name) {
        return new ConsentPermission(id, name);
    }

    /** Returns this permission as the JSON object {@code {"id": .., "name": ..}} (unmodifiable). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("name", name);
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Returns {@code permissions} as the JSON list the {@link ConsentStage#PERMISSIONS} context key holds. */
    public static List<Map<String, Object>> toContextValue(Collection<ConsentPermission> permissions) {
        return permissions.stream().map(ConsentPermission::toMap).toList();
    }
}
