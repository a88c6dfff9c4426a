package dev.flowstage.policy.internal;

import java.util.Set;

/** Reads the operator symbols that expressions may use, refusing assignments, comments and bit operators. */
final class Symbols {
    private static final Set<String> TWO_CHARACTER = Set.of("==", "!=", "<=", ">=", "&&", "||", ".?");
    private static final Set<Character> ONE_CHARACTER =
            Set.of('(', ')', '[', ']', ',', '.', '?', ':', '<', '>', '!', '+', '-', '*', '/', '%');
    private static final Set<Character> ASSIGNING = Set.of('+', '-', '*', '/', '%', '&', '|');

    private Symbols() {}

    /**
     * Returns the operator starting at {@code pos}, or null when the character there is not an
     * operator.
     *
     * @throws IllegalArgumentException when the text there is a refused operator
     */
    static String read(String source, int pos) {
        char c = source.charAt(pos);
        char next = pos + 1 < source.length() ? source.charAt(pos + 1) : '\0';
        refuse(c, next);
        String two = "" + c + next;
        if (TWO_CHARACTER.contains(two)) {
            return two;
        }
        return ONE_CHARACTER.contains(c) ? String.valueOf(c) : null;
    }

    private static void refuse(char c, char next) {
        if (c == '=' && next != '=') {
            throw new IllegalArgumentException(LexicalRules.assignment("="));
        }
        if (next == '=' && ASSIGNING.contains(c)) {
            throw new IllegalArgumentException(LexicalRules.assignment(c + "="));
        }
        if ((c == '+' || c == '-') && next == c) {
            throw new IllegalArgumentException("'" + c + c + "' is not allowed (expressions cannot modify data)");
        }
        refuseNonExpression(c, next);
    }

    private static void refuseNonExpression(char c, char next) {
        if (c == '/' && (next == '/' || next == '*')) {
            throw new IllegalArgumentException("comments are not allowed in expressions");
        }
        if (c == '~' && next == '=') {
            throw new IllegalArgumentException("'~=' is not allowed (regular expressions can take unbounded time)");
        }
        if ((c == '&' || c == '|') && next != c) {
            throw new IllegalArgumentException("'" + c + "' is not allowed (bitwise operators are not supported; use '"
                    + c + c + "')");
        }
    }
}
