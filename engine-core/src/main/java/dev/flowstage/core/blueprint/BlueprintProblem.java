package dev.flowstage.core.blueprint;

import java.util.Objects;

/**
 * One thing wrong with a blueprint: where it is and what rule it breaks.
 *
 * <p>{@link #toString()} is one line a script can split on {@code ": "}:
 * {@code <source>:<line>: entries[<entry>] <key>: <message>}, leaving out the parts that are unknown.
 *
 * @param source the blueprint's source (file path or label)
 * @param line the 1-based line in the source, or 0 when unknown
 * @param entry the 0-based index of the entry in {@code entries}, or -1 for the document itself
 * @param key the attribute path inside the entry or document (such as {@code attrs.designation}),
 *     or empty string
 * @param message what is wrong, lower-case, naming the value and the rule
 */
public record BlueprintProblem(String source, int line, int entry, String key, String message) {

    /** Validates the parts. */
    public BlueprintProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** Returns the problem as one line: {@code source:line: entries[n] key: message}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (entry >= 0) {
            text.append("entries[").append(entry).append(']');
        }
        if (!key.isEmpty()) {
            text.append(entry >= 0 ? " " : "").append(key);
        }
        if (entry >= 0 || !key.isEmpty()) {
            text.append(": ");
        }
        return text.append(message).toString();
    }
}
