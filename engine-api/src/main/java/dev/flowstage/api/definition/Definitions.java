package dev.flowstage.api.definition;

import java.util.Objects;

/** Shared argument checks of the definition records. */
final class Definitions {
    private Definitions() {}

    static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
