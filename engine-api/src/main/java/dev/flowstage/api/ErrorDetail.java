package dev.flowstage.api;

import java.util.Objects;

/**
 * One error about one field of a response, as the protocol's {@code {"string": .., "code": ..}}.
 *
 * @param string the human-readable message, never containing user input that could be a secret
 * @param code a stable machine-readable code such as {@code invalid}, {@code required}, {@code blank}
 */
public record ErrorDetail(String string, String code) {
    /** Validates that both parts are present. */
    public ErrorDetail {
        Objects.requireNonNull(string, "string");
        Objects.requireNonNull(code, "code");
    }

    /** Returns an error with the code {@code invalid}. */
    public static ErrorDetail invalid(String message) {
        return new ErrorDetail(message, "invalid");
    }
}
