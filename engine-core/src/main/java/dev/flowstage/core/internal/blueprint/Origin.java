package dev.flowstage.core.internal.blueprint;

/**
 * Where an object was last written in an import: the blueprint source, entry index and line, and
 * which of its fields came from identifiers (to name the right key in messages).
 */
record Origin(String source, int entry, int line, java.util.Set<String> identifierKeys) {

    /** Returns the key path of field {@code key} in the entry: {@code identifiers.x} or {@code attrs.x}. */
    String keyPath(String key) {
        if (key.isEmpty()) {
            return "attrs";
        }
        int bracket = key.indexOf('[');
        String field = bracket < 0 ? key : key.substring(0, bracket);
        return (identifierKeys.contains(field) ? "identifiers." : "attrs.") + key;
    }
}
