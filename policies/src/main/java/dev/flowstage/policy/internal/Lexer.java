package dev.flowstage.policy.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens and applies the lexical guard: refused characters, keywords and
 * operators are reported, with the reason, before MVEL ever sees the text. String literals are
 * skipped exactly as MVEL skips them (a backslash escapes the next character).
 */
final class Lexer {
    /** The prefix the parser writes before every variable, since variables are read from MVEL's context object. */
    static final String THIS = "this";

    private final String source;
    private final boolean canonical;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String source, boolean canonical) {
        this.source = source;
        this.canonical = canonical;
    }

    /**
     * Returns the tokens of {@code source}, ending with an END token.
     *
     * @throws IllegalArgumentException naming the refused construct
     */
    static List<Token> tokenize(String source) {
        return tokenize(source, false);
    }

    /** Returns the tokens of {@code source}; in canonical text (the parser's own output) {@code this} is allowed. */
    static List<Token> tokenize(String source, boolean canonical) {
        if (source.length() > LexicalRules.MAX_LENGTH) {
            throw new IllegalArgumentException("expression is " + source.length()
                    + " characters long; at most " + LexicalRules.MAX_LENGTH + " are allowed");
        }
        Lexer lexer = new Lexer(source, canonical);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '\'' || c == '"') {
                string(c);
            } else if (isDigit(c)) {
                number();
            } else if (isIdentifierStart(c)) {
                identifier();
            } else {
                symbol(c);
            }
        }
        tokens.add(new Token(Token.Kind.END, "", pos));
    }

    private void string(char quote) {
        int start = pos;
        pos++;
        while (pos < source.length() && source.charAt(pos) != quote) {
            pos += source.charAt(pos) == '\\' ? 2 : 1;
        }
        if (pos >= source.length()) {
            throw new IllegalArgumentException("string literal at position " + start + " is not terminated");
        }
        pos++;
        add(Token.Kind.STRING, start);
    }

    private void number() {
        int start = pos;
        skipDigits();
        if (pos + 1 < source.length() && source.charAt(pos) == '.' && isDigit(source.charAt(pos + 1))) {
            pos++;
            skipDigits();
        }
        if (pos < source.length() && (isIdentifierStart(source.charAt(pos)) || source.charAt(pos) == '.')) {
            throw new IllegalArgumentException("malformed number at position " + start
                    + " (only decimal numbers such as 42 or 1.5 are supported)");
        }
        add(Token.Kind.NUMBER, start);
    }

    private void identifier() {
        int start = pos;
        while (pos < source.length() && (isIdentifierStart(source.charAt(pos)) || isDigit(source.charAt(pos)))) {
            pos++;
        }
        String word = source.substring(start, pos);
        String refused = LexicalRules.refusedKeyword(word);
        if (refused != null && !(canonical && word.equals(THIS))) {
            throw new IllegalArgumentException(refused);
        }
        add(Token.Kind.IDENTIFIER, start);
    }

    private void symbol(char c) {
        int start = pos;
        String operator = Symbols.read(source, pos);
        if (operator == null) {
            throw new IllegalArgumentException(LexicalRules.refusedCharacter(c, start));
        }
        pos += operator.length();
        tokens.add(new Token(Token.Kind.SYMBOL, operator, start));
    }

    private void skipDigits() {
        while (pos < source.length() && isDigit(source.charAt(pos))) {
            pos++;
        }
    }

    private void add(Token.Kind kind, int start) {
        tokens.add(new Token(kind, source.substring(start, pos), start));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
