package dev.flowstage.policy.internal;

import dev.flowstage.api.User;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What expressions see of a {@link User}: a read-only map of {@code id}, {@code username},
 * {@code email}, {@code name}, {@code active}, {@code superuser}, {@code groups} (a sorted
 * immutable list) and {@code attributes}, plus {@link #isMemberOf}. Never the password hash.
 * Values are produced on demand, since most expressions read one or two. Public only because MVEL
 * calls {@link #isMemberOf} reflectively; not an API.
 */
public final class UserView extends AbstractMap<String, Object> {
    private static final List<String> KEYS =
            List.of("id", "username", "email", "name", "active", "superuser", "groups", "attributes");

    private final User user;

    UserView(User user) {
        this.user = user;
    }

    /** Returns whether the user belongs to group {@code group} (exact name). */
    public boolean isMemberOf(String group) {
        return group != null && user.isMemberOf(group);
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        switch (name) {
            case "id": return user.id();
            case "username": return user.username();
            case "email": return user.email();
            case "name": return user.name();
            case "active": return user.active();
            case "superuser": return user.superuser();
            case "groups": return List.copyOf(new TreeSet<>(user.groups()));
            case "attributes": return DataViews.data(user.attributes());
            default: return null;
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return KEYS.contains(key);
    }

    @Override
    public int size() {
        return KEYS.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> values = new LinkedHashMap<>();
        KEYS.forEach(key -> values.put(key, get(key)));
        return Collections.unmodifiableMap(values).entrySet();
    }
}
