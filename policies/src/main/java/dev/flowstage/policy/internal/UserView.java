package dev.flowstage.policy.internal;

import dev.flowstage.api.User;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What expressions see of a {@link User}: an immutable map of {@code id}, {@code username},
 * {@code email}, {@code name}, {@code active}, {@code superuser}, {@code groups} (a sorted
 * immutable list) and {@code attributes}, plus {@link #isMemberOf}. Never the password hash.
 * Public only because MVEL calls {@link #isMemberOf} reflectively; not an API.
 */
public final class UserView extends AbstractMap<String, Object> {
    private final Map<String, Object> values;
    private final Set<String> groups;

    UserView(User user) {
        this.groups = user.groups();
        this.values = Map.of(
                "id", user.id(),
                "username", user.username(),
                "email", user.email(),
                "name", user.name(),
                "active", user.active(),
                "superuser", user.superuser(),
                "groups", List.copyOf(new TreeSet<>(user.groups())),
                "attributes", DataViews.data(user.attributes()));
    }

    /** Returns whether the user belongs to group {@code group} (exact name). */
    public boolean isMemberOf(String group) {
        return group != null && groups.contains(group);
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }
}
