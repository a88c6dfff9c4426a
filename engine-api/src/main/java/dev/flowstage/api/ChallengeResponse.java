package dev.flowstage.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the UI posted back for the current challenge: JSON-like values keyed the way the protocol
 * names them ({@code uid_field}, {@code password}, prompt field keys, ...).
 *
 * <p>The {@code component} a client sends is informational only: the engine validates a response
 * against the stage that is current, never against the component the client claims. Immutable and
 * thread-safe; {@link #toString()} prints only the keys, because values may be secrets.
 */
public record ChallengeResponse(Map<String, Object> data) {

    /** Copies and validates {@code data}. */
    public ChallengeResponse {
        data = JsonValues.copyObject(Objects.requireNonNull(data, "data"), "response field");
    }

    /** Returns a response holding {@code data}. */
    public static ChallengeResponse of(Map<String, ?> data) {
        return new ChallengeResponse(JsonValues.copyObject(data, "response field"));
    }

    /** Returns the empty response. */
    public static ChallengeResponse empty() {
        return new ChallengeResponse(Map.of());
    }

    /** Returns whether {@code key} is present (possibly with a null value). */
    public boolean has(String key) {
        return data.containsKey(key);
    }

    /** Returns the raw value of {@code key}, or null. */
    public Object get(String key) {
        return data.get(key);
    }

    /** Returns the value of {@code key} if it is a string; empty when absent, null or of another type. */
    public Optional<String> string(String key) {
        Object value = data.get(key);
        if (value instanceof Secret secret) {
            return Optional.of(secret.reveal());
        }
        return value instanceof String string ? Optional.of(string) : Optional.empty();
    }

    /** Returns the value of {@code key} as a {@link Secret} if it is a string; empty otherwise. */
    public Optional<Secret> secret(String key) {
        Object value = data.get(key);
        if (value instanceof Secret secret) {
            return Optional.of(secret);
        }
        return value instanceof String string ? Optional.of(Secret.of(string)) : Optional.empty();
    }

    /**
     * Returns the value of {@code key} as a boolean: JSON booleans, and the strings {@code true},
     * {@code on}, {@code 1}, {@code false}, {@code off}, {@code 0} sent by HTML forms; empty otherwise.
     */
    public Optional<Boolean> bool(String key) {
        Object value = data.get(key);
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        if (value instanceof String string) {
            switch (string.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "on", "1", "yes":
                    return Optional.of(true);
                case "false", "off", "0", "no", "":
                    return Optional.of(false);
                default:
                    return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Returns the keys only; values may be secrets. */
    @Override
    public String toString() {
        return "ChallengeResponse" + data.keySet();
    }
}
