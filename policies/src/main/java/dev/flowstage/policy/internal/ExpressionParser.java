package dev.flowstage.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the expression language that the sandbox accepts and writes it out again as canonical
 * MVEL: fully parenthesised (so MVEL's precedence cannot differ from ours), every variable read
 * from the context object, every property and index read as a null-safe map or list lookup
 * ({@code user.name['k']} becomes {@code this.?get('user').?get('name').?get('k')}). MVEL never
 * sees a property access, because it resolves a property named like a zero-argument method
 * ({@code user.getClass}) by calling that method, and its {@code [..]} is not null-safe. Whatever
 * is not in the grammar below is refused with a message naming it, so MVEL only ever compiles
 * text that is known to be safe.
 *
 * <pre>
 * expression := or ('?' expression ':' expression)?
 * or .. mul  := binary operators || &amp;&amp; (== !=) (&lt; &gt; &lt;= &gt;= contains) (+ -) (* / %)
 * unary      := '!' unary | '-' NUMBER | primary
 * primary    := STRING | NUMBER | true | false | null | '(' expression ')' | helper '(' args ')' | chain
 * chain      := VARIABLE ( ('.' | '.?') NAME ('(' args ')')? | '[' expression ']' )*
 * </pre>
 *
 * <p>In canonical mode the parser re-reads its own output (an identifier node of MVEL's tree):
 * variables are then written {@code this.?get('name')} and direct property reads are refused.
 */
final class ExpressionParser {
    /** The deepest nesting of parentheses, arguments, indexes and negations accepted. */
    static final int MAX_DEPTH = 32;

    private static final List<Set<String>> LEVELS = List.of(
            Set.of("||"), Set.of("&&"), Set.of("==", "!="), Set.of("<", ">", "<=", ">=", "contains"),
            Set.of("+", "-"), Set.of("*", "/", "%"));

    private final TokenCursor tokens;
    private final Vocabulary vocabulary;
    private final boolean canonical;
    private final Set<String> used = new LinkedHashSet<>();
    private int depth;

    private ExpressionParser(String text, Vocabulary vocabulary, boolean canonical) {
        this.tokens = new TokenCursor(Lexer.tokenize(text, canonical));
        this.vocabulary = vocabulary;
        this.canonical = canonical;
    }

    /**
     * Returns the canonical MVEL text of {@code source} and the variables it reads.
     *
     * @throws IllegalArgumentException naming the first refused construct
     */
    static Parsed parse(String source, Vocabulary vocabulary) {
        ExpressionParser parser = new ExpressionParser(source, vocabulary, false);
        Emitted result = parser.expression();
        parser.tokens.expectEnd();
        return new Parsed(result.text(), parser.used);
    }

    /**
     * Checks that {@code text} (an identifier node as MVEL compiled it) is one variable, chain or
     * helper call in the canonical form this parser writes.
     *
     * @throws IllegalArgumentException when it is anything else
     */
    static void checkChain(String text, Vocabulary vocabulary) {
        ExpressionParser parser = new ExpressionParser(text, vocabulary, true);
        Emitted result = parser.primary();
        parser.tokens.expectEnd();
        if (result.kind() == Kind.LITERAL || result.kind() == Kind.COMPOUND) {
            throw new IllegalArgumentException("compiled expression holds an unexpected node '" + text + "'");
        }
    }

    private Emitted expression() {
        enter();
        Emitted condition = binary(0);
        Emitted result = condition;
        if (tokens.accept("?")) {
            Emitted whenTrue = expression();
            tokens.expect(":");
            Emitted whenFalse = expression();
            result = compound(condition.text() + " ? " + whenTrue.text() + " : " + whenFalse.text());
        }
        depth--;
        return result;
    }

    private Emitted binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Emitted first = binary(level + 1);
        StringBuilder text = new StringBuilder(first.text());
        boolean combined = false;
        while (isOperator(tokens.current(), LEVELS.get(level))) {
            String operator = tokens.next().text();
            text.append(' ').append(operator).append(' ').append(binary(level + 1).text());
            combined = true;
        }
        return combined ? compound(text.toString()) : first;
    }

    private Emitted unary() {
        if (tokens.accept("!")) {
            enter();
            Emitted operand = unary();
            depth--;
            return compound("!" + parenthesised(operand));
        }
        if (tokens.current().is("-") && tokens.peek(1).kind() == Token.Kind.NUMBER) {
            tokens.next();
            return new Emitted("-" + tokens.next().text(), Kind.LITERAL);
        }
        return primary();
    }

    private Emitted primary() {
        Token token = tokens.next();
        if (token.kind() == Token.Kind.STRING || token.kind() == Token.Kind.NUMBER) {
            return new Emitted(token.text(), Kind.LITERAL);
        }
        if (token.is("(")) {
            Emitted inner = expression();
            tokens.expect(")");
            return inner;
        }
        if (token.kind() != Token.Kind.IDENTIFIER) {
            throw TokenCursor.unexpected(token);
        }
        return identifier(token.text());
    }

    private Emitted identifier(String name) {
        if (name.equals("true") || name.equals("false") || name.equals("null")) {
            return new Emitted(name, Kind.LITERAL);
        }
        if (tokens.current().is("(")) {
            List<String> arguments = arguments();
            vocabulary.checkHelper(name, arguments.size());
            return new Emitted(name + "(" + String.join(", ", arguments) + ")", Kind.CALL);
        }
        String variable = canonical && name.equals(Lexer.THIS) ? contextVariable() : name;
        if (!vocabulary.isVariable(variable) || (canonical && variable.equals(name))) {
            throw new IllegalArgumentException(vocabulary.notAVariable(tokens.qualifiedName(variable)));
        }
        used.add(variable);
        return chain(variable);
    }

    /** Reads the variable of canonical text's {@code this.?get('variable')}. */
    private String contextVariable() {
        tokens.expect(".?");
        Token get = tokens.next();
        if (!get.text().equals("get") || !tokens.current().is("(")
                || tokens.peek(1).kind() != Token.Kind.STRING || !tokens.peek(2).is(")")) {
            throw TokenCursor.unexpected(get);
        }
        tokens.next();
        String quoted = tokens.next().text();
        tokens.next();
        return quoted.substring(1, quoted.length() - 1);
    }

    private Emitted chain(String variable) {
        StringBuilder text = new StringBuilder(Lexer.THIS).append(".?get('").append(variable).append("')");
        boolean members = false;
        while (tokens.current().is(".") || tokens.current().is(".?") || tokens.current().is("[")) {
            members = true;
            if (tokens.next().is("[")) {
                text.append(".?get(").append(expression().text()).append(')');
                tokens.expect("]");
            } else {
                text.append(".?").append(member());
            }
        }
        return new Emitted(text.toString(), members ? Kind.CHAIN : Kind.VARIABLE);
    }

    /** Returns a member as MVEL text: a method call, or a property as a map lookup (never a getter or method). */
    private String member() {
        Token name = tokens.next();
        if (name.kind() != Token.Kind.IDENTIFIER) {
            throw new IllegalArgumentException("expected a property or method name, found " + name.describe());
        }
        if (!tokens.current().is("(")) {
            if (canonical) { // the parser writes no property reads: MVEL would resolve them to methods
                throw new IllegalArgumentException("compiled expression reads property '" + name.text() + "' directly");
            }
            MemberRules.checkProperty(name.text());
            return "get('" + name.text() + "')";
        }
        MemberRules.checkMethod(name.text(), tokens.countArguments());
        return name.text() + "(" + String.join(", ", arguments()) + ")";
    }

    private List<String> arguments() {
        tokens.expect("(");
        List<String> arguments = new ArrayList<>();
        if (tokens.accept(")")) {
            return arguments;
        }
        do {
            arguments.add(expression().text());
        } while (tokens.accept(","));
        tokens.expect(")");
        return arguments;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("expression nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private static boolean isOperator(Token token, Set<String> operators) {
        boolean symbolic = token.kind() == Token.Kind.SYMBOL
                || (token.kind() == Token.Kind.IDENTIFIER && token.text().equals("contains"));
        return symbolic && operators.contains(token.text());
    }

    private static String parenthesised(Emitted emitted) {
        return emitted.kind() == Kind.COMPOUND ? emitted.text() : "(" + emitted.text() + ")";
    }

    private static Emitted compound(String text) {
        return new Emitted("(" + text + ")", Kind.COMPOUND);
    }

    /** What one production wrote out, and what kind of thing it is. */
    private record Emitted(String text, Kind kind) {}

    private enum Kind {
        LITERAL,
        VARIABLE,
        CHAIN,
        CALL,
        COMPOUND
    }
}
