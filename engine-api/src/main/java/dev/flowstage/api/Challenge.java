package dev.flowstage.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the current stage asks the UI to show: the protocol's challenge object.
 *
 * <p>{@code component} discriminates the kind of challenge ({@code ak-stage-password},
 * {@code xak-flow-redirect}, or a custom stage's own name). {@code fields} holds the stage's own
 * snake_case fields as JSON-like values (null, strings, booleans, numbers, lists and maps), in the
 * order they are written on the wire; a field that is absent is omitted, a field that is present
 * with a null value is written as {@code null}. {@code flowInfo} is null for challenges that carry
 * none (redirects).
 *
 * <p>Immutable and thread-safe. The constructor copies and validates {@code fields}.
 */
public record Challenge(String component, FlowInfo flowInfo, ResponseErrors responseErrors, Map<String, Object> fields) {

    /** Validates the component and copies the fields. */
    public Challenge {
        Objects.requireNonNull(component, "component");
        if (component.isBlank()) {
            throw new IllegalArgumentException("challenge component must not be blank");
        }
        Objects.requireNonNull(responseErrors, "responseErrors");
        fields = JsonValues.copyObject(Objects.requireNonNull(fields, "fields"), "challenge field");
    }

    /** Returns a builder for a challenge of {@code component}; builders are not thread-safe. */
    public static Builder builder(String component) {
        return new Builder(component);
    }

    /** Returns a challenge of {@code component} with no fields, flow info or errors. */
    public static Challenge of(String component) {
        return new Challenge(component, null, ResponseErrors.none(), Map.of());
    }

    /** Returns the value of field {@code name}, or null when absent or null. */
    public Object field(String name) {
        return fields.get(name);
    }

    /** Returns this challenge with {@code info} as its flow info. */
    public Challenge withFlowInfo(FlowInfo info) {
        return new Challenge(component, info, responseErrors, fields);
    }

    /** Returns this challenge with {@code errors} as its response errors. */
    public Challenge withErrors(ResponseErrors errors) {
        return new Challenge(component, flowInfo, errors, fields);
    }

    /** Returns this challenge with field {@code name} set to {@code value}, replacing any value. */
    public Challenge withField(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(name, value);
        return new Challenge(component, flowInfo, responseErrors, copy);
    }

    /** Returns this challenge with field {@code name} set only if it is not present yet. */
    public Challenge withDefaultField(String name, Object value) {
        return fields.containsKey(name) ? this : withField(name, value);
    }

    /**
     * Returns the component and the field names only: fields may carry secrets (a TOTP seed in
     * {@code config_url}, recovery codes, a link token).
     */
    @Override
    public String toString() {
        return "Challenge[" + component + ", fields=" + fields.keySet() + ", errors=" + responseErrors.asMap().keySet() + "]";
    }

    /** Builds a {@link Challenge}; not thread-safe. */
    public static final class Builder {
        private final String component;
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder(String component) {
            this.component = Objects.requireNonNull(component, "component");
        }

        /** Adds field {@code name}; a null value is written as JSON null. */
        public Builder field(String name, Object value) {
            fields.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Adds field {@code name} only if {@code value} is not null (optional fields are omitted). */
        public Builder optionalField(String name, Object value) {
            if (value != null) {
                fields.put(Objects.requireNonNull(name, "name"), value);
            }
            return this;
        }

        /** Returns the challenge. */
        public Challenge build() {
            return new Challenge(component, null, ResponseErrors.none(), Collections.unmodifiableMap(fields));
        }
    }
}
