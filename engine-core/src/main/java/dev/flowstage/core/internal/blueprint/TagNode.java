package dev.flowstage.core.internal.blueprint;

import java.util.Objects;

/**
 * A YAML tag such as {@code !KeyOf flow} as loaded, before resolution.
 *
 * @param name the tag without its {@code !}, such as {@code KeyOf}
 * @param argument the tagged node: a string for scalars, a list for sequences
 * @param line the 1-based line of the tag
 */
record TagNode(String name, Object argument, int line) {
    TagNode {
        Objects.requireNonNull(name, "name");
    }

    /** Returns the tag as written, for messages: {@code !KeyOf}. */
    String label() {
        return "!" + name;
    }
}
