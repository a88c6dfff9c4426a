package dev.flowstage.core.internal.blueprint;

/** Thrown while an entry is resolved or checked: names the key and the line, and the rule broken. */
final class EntryProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final int line;

    EntryProblem(String key, int line, String message) {
        super(message, null, false, false);
        this.key = key;
        this.line = line;
    }

    String key() {
        return key;
    }

    int line() {
        return line;
    }
}
