package dev.flowstage.stages.userwrite;

import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.UserDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fields of the user being written and the rules that apply prompt data to them (see
 * {@link UserWriteStage}). Mutable and used for one stage call only; not thread-safe.
 */
final class UserMapping {
    static final String PASSWORD = "password";
    static final String PASSWORD_REPEAT = "password_repeat";
    private static final String ATTRIBUTES = "attributes";
    private static final Set<String> DROPPED = Set.of("component", PASSWORD_REPEAT, "groups");
    private static final String CHOICES_SUFFIX = "__choices";
    private static final List<String> PATH_PREFIXES = List.of("attributes.", "attributes_");
    private static final int MAX_DEPTH = 32;

    private String username;
    private String email;
    private String name;
    private Secret password;
    private final Map<String, Object> attributes;

    private UserMapping(String username, String email, String name, Map<String, Object> attributes) {
        this.username = username;
        this.email = email;
        this.name = name;
        this.attributes = mutableMap(attributes, 0);
    }

    /** Returns a mapping for a user to be created: every field empty. */
    static UserMapping forNewUser() {
        return new UserMapping("", "", "", Map.of());
    }

    /** Returns a mapping starting from {@code user}'s fields. */
    static UserMapping forExisting(User user) {
        return new UserMapping(user.username(), user.email(), user.name(), user.attributes());
    }

    /** Returns whether the prompt data entry {@code key} is ignored: never written, never an error. */
    static boolean isDropped(String key, Object value) {
        return DROPPED.contains(key) || key.endsWith(CHOICES_SUFFIX) || (value instanceof Secret && !PASSWORD.equals(key));
    }

    /**
     * Applies every entry of {@code promptData} in its order; returns false when one cannot be
     * applied or the username ends up blank.
     *
     * @throws IllegalArgumentException when a value nests too deeply or holds a secret below the top level
     */
    boolean apply(Map<String, Object> promptData) {
        for (Map.Entry<String, Object> entry : promptData.entrySet()) {
            if (!isDropped(entry.getKey(), entry.getValue()) && !applyEntry(entry.getKey(), entry.getValue())) {
                return false;
            }
        }
        return !username.isBlank();
    }

    /** Sets attribute {@code key} to {@code value}, or removes it when {@code value} is null. */
    void setAttribute(String key, Object value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }

    /** Returns the new password, when the prompt data set one. */
    Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /** Returns a draft of a new user with these fields, {@code active} and in {@code groups}, with no password yet. */
    UserDraft draft(boolean active, Set<String> groups) {
        return new UserDraft(username, email, name, active, groups, null, attributes);
    }

    /** Returns {@code existing} with these fields; its id, flags, groups and password hash stay. */
    User update(User existing) {
        return new User(existing.id(), username, email, name, existing.active(), existing.superuser(),
                existing.groups(), existing.passwordHash(), attributes);
    }

    private boolean applyEntry(String key, Object value) {
        switch (key) {
            case "username":
                return setText(value, text -> username = text);
            case "email":
                return setText(value, text -> email = text);
            case "name":
                return setText(value, text -> name = text);
            case PASSWORD:
                return setPassword(value);
            case ATTRIBUTES:
                return mergeAttributes(value);
            default:
                String path = attributePath(key);
                return path == null ? putAttribute(key, value) : setPath(path, value);
        }
    }

    private static boolean setText(Object value, Consumer<String> setter) {
        if (value != null && !(value instanceof String)) {
            return false;
        }
        setter.accept(value == null ? "" : (String) value);
        return true;
    }

    /** An absent or empty password changes nothing; a non-string one is refused. */
    private boolean setPassword(Object value) {
        if (value instanceof String text) {
            password = text.isEmpty() ? password : Secret.of(text);
            return true;
        }
        if (value instanceof Secret secret) {
            password = secret.isEmpty() ? password : secret;
            return true;
        }
        return value == null;
    }

    /** Merges a map into the attributes at the top level, as authentik does; anything else is refused. */
    private boolean mergeAttributes(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return false;
        }
        attributes.putAll(mutableMap(map, 1));
        return true;
    }

    private boolean putAttribute(String key, Object value) {
        attributes.put(key, mutable(value, 1));
        return true;
    }

    /** Sets a nested attribute; refuses empty path segments and paths that run through a non-map value. */
    private boolean setPath(String path, Object value) {
        String[] segments = path.split("\\.", -1);
        Map<String, Object> current = attributes;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].isEmpty() || i >= MAX_DEPTH) {
                return false;
            }
            if (i == segments.length - 1) {
                current.put(segments[i], mutable(value, i + 1));
                return true;
            }
            Object next = current.computeIfAbsent(segments[i], segment -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map<?, ?>)) {
                return false;
            }
            current = asMutableMap(next);
        }
        return false;
    }

    /** Returns the path below the attributes for {@code attributes.x.y} and {@code attributes_x.y}, else null. */
    private static String attributePath(String key) {
        for (String prefix : PATH_PREFIXES) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return null;
    }

    /** Copies maps and lists deeply into mutable ones, so that nested paths can be set. */
    private static Object mutable(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("user attribute: nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Map<?, ?> map) {
            return mutableMap(map, depth);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(mutable(item, depth + 1)));
            return copy;
        }
        if (value instanceof Secret) {
            throw new IllegalArgumentException("user attribute: a secret is never stored as an attribute");
        }
        return value;
    }

    private static Map<String, Object> mutableMap(Map<?, ?> map, int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("user attribute: map keys must be strings");
            }
            copy.put(key, mutable(entry.getValue(), depth + 1));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMutableMap(Object map) {
        return (Map<String, Object>) map; // every map below the attributes was made by mutableMap
    }
}
