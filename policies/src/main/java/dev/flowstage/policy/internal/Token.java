package dev.flowstage.policy.internal;

/** One token of an expression: its kind, its text as written and where it starts. */
record Token(Kind kind, String text, int position) {

    /** The kinds of token the lexer produces. */
    enum Kind {
        IDENTIFIER,
        STRING,
        NUMBER,
        SYMBOL,
        END
    }

    /** Returns whether this is the symbol {@code symbol}. */
    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Returns how messages name this token. */
    String describe() {
        return kind == Kind.END ? "the end of the expression" : "'" + text + "' at position " + position;
    }
}
