package dev.flowstage.policy.internal;

import java.util.List;

/** Walks the tokens of one expression for the parser, with the look-ahead its messages need. */
final class TokenCursor {
    private final List<Token> tokens;
    private int index;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token current() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** Returns the current token and moves past it (never past the end). */
    Token next() {
        Token token = current();
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    /** Moves past the current token if it is {@code symbol}, and returns whether it did. */
    boolean accept(String symbol) {
        if (current().is(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expect(String symbol) {
        if (!accept(symbol)) {
            throw new IllegalArgumentException("expected '" + symbol + "' but found " + current().describe());
        }
    }

    void expectEnd() {
        if (current().kind() != Token.Kind.END) {
            throw unexpected(current());
        }
    }

    static IllegalArgumentException unexpected(Token token) {
        if (token.kind() == Token.Kind.END) {
            return new IllegalArgumentException("expression ends too early");
        }
        return new IllegalArgumentException("unexpected " + token.describe());
    }

    /** Counts the arguments of the call at the current '(' without moving, so a method is checked before its arguments. */
    int countArguments() {
        if (peek(1).is(")")) {
            return 0;
        }
        int count = 1;
        int nesting = 0;
        for (int i = index; tokens.get(i).kind() != Token.Kind.END; i++) {
            Token token = tokens.get(i);
            nesting += token.is("(") || token.is("[") ? 1 : token.is(")") || token.is("]") ? -1 : 0;
            if (nesting == 0) {
                return count;
            }
            count += nesting == 1 && token.is(",") ? 1 : 0;
        }
        return count;
    }

    /** Returns {@code name} with the dotted names after it when together they look like a class name, else {@code name}. */
    String qualifiedName(String name) {
        StringBuilder qualified = new StringBuilder(name);
        String last = name;
        for (int i = index; Character.isLowerCase(last.charAt(0)) && tokens.get(i).is(".")
                && tokens.get(i + 1).kind() == Token.Kind.IDENTIFIER; i += 2) {
            last = tokens.get(i + 1).text();
            qualified.append('.').append(last);
        }
        return Character.isUpperCase(last.charAt(0)) ? qualified.toString() : name;
    }
}
