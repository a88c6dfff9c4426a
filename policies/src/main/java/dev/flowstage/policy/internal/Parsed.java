package dev.flowstage.policy.internal;

import java.util.Set;

/**
 * A parsed expression.
 *
 * @param canonical the canonical MVEL text to compile
 * @param variables the declared variables the expression reads
 */
record Parsed(String canonical, Set<String> variables) {
    /** Copies the variable names. */
    Parsed {
        variables = Set.copyOf(variables);
    }
}
