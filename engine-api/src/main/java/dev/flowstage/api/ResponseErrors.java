package dev.flowstage.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The errors of a rejected response, keyed by field name or {@link #NON_FIELD_ERRORS}, in the
 * order they were added. This is the protocol's {@code response_errors} object.
 *
 * <p>Immutable and thread-safe; the {@code with..} methods return new instances.
 */
public final class ResponseErrors {
    /** The key under which errors that concern no single field are reported. */
    public static final String NON_FIELD_ERRORS = "non_field_errors";

    private static final ResponseErrors NONE = new ResponseErrors(Map.of());
    private final Map<String, List<ErrorDetail>> byField;

    private ResponseErrors(Map<String, List<ErrorDetail>> byField) {
        this.byField = byField;
    }

    /** Returns the empty set of errors. */
    public static ResponseErrors none() {
        return NONE;
    }

    /** Returns one error for {@code field}. */
    public static ResponseErrors of(String field, ErrorDetail error) {
        return NONE.with(field, error);
    }

    /** Returns one error with code {@code invalid} for {@code field}. */
    public static ResponseErrors invalid(String field, String message) {
        return of(field, ErrorDetail.invalid(message));
    }

    /** Returns one {@code non_field_errors} entry with the code {@code code}. */
    public static ResponseErrors nonField(String message, String code) {
        return of(NON_FIELD_ERRORS, new ErrorDetail(message, code));
    }

    /** Returns these errors plus {@code error} for {@code field}. */
    public ResponseErrors with(String field, ErrorDetail error) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(error, "error");
        Map<String, List<ErrorDetail>> copy = new LinkedHashMap<>();
        byField.forEach((key, list) -> copy.put(key, new ArrayList<>(list)));
        copy.computeIfAbsent(field, key -> new ArrayList<>()).add(error);
        Map<String, List<ErrorDetail>> frozen = new LinkedHashMap<>();
        copy.forEach((key, list) -> frozen.put(key, List.copyOf(list)));
        return new ResponseErrors(Collections.unmodifiableMap(frozen));
    }

    /** Returns these errors plus all of {@code other}. */
    public ResponseErrors with(ResponseErrors other) {
        ResponseErrors result = this;
        for (Map.Entry<String, List<ErrorDetail>> entry : other.byField.entrySet()) {
            for (ErrorDetail error : entry.getValue()) {
                result = result.with(entry.getKey(), error);
            }
        }
        return result;
    }

    /** Returns whether there are no errors. */
    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Returns the errors by field, in insertion order; unmodifiable. */
    public Map<String, List<ErrorDetail>> asMap() {
        return byField;
    }

    /** Returns the errors of {@code field}, or an empty list. */
    public List<ErrorDetail> forField(String field) {
        return byField.getOrDefault(field, List.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResponseErrors errors && byField.equals(errors.byField);
    }

    @Override
    public int hashCode() {
        return byField.hashCode();
    }

    @Override
    public String toString() {
        return "ResponseErrors" + byField;
    }
}
