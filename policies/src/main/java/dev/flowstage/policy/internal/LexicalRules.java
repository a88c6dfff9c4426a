package dev.flowstage.policy.internal;

import java.util.Map;

/**
 * What the lexical guard refuses before MVEL sees an expression, with the reason given to the
 * author. MVEL constant-folds literal sub-expressions while compiling, so anything dangerous must
 * be stopped here, not after compiling.
 */
final class LexicalRules {
    /** The longest expression accepted, in characters. */
    static final int MAX_LENGTH = 4096;

    private static final String LOOPS = "loops are not allowed";
    private static final String NO_CLASSES = "is not allowed (expressions cannot reach classes)";
    private static final String SINGLE = "is not allowed (an expression is a single expression, not statements)";

    private static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("new", "'new' is not allowed (expressions cannot create objects)"),
            Map.entry("import", "'import' " + NO_CLASSES),
            Map.entry("import_static", "'import_static' " + NO_CLASSES),
            Map.entry("instanceof", "'instanceof' " + NO_CLASSES),
            Map.entry("is", "'is' " + NO_CLASSES),
            Map.entry("def", "'def' is not allowed (expressions cannot define functions)"),
            Map.entry("function", "'function' is not allowed (expressions cannot define functions)"),
            Map.entry("proto", "'proto' is not allowed (expressions cannot define types)"),
            Map.entry("while", "'while' " + LOOPS),
            Map.entry("for", "'for' " + LOOPS),
            Map.entry("foreach", "'foreach' " + LOOPS),
            Map.entry("do", "'do' " + LOOPS),
            Map.entry("until", "'until' " + LOOPS),
            Map.entry("with", "'with' blocks are not allowed (expressions cannot modify data)"),
            Map.entry("if", "'if' is not allowed; use the conditional operator 'condition ? a : b'"),
            Map.entry("else", "'else' is not allowed; use the conditional operator 'condition ? a : b'"),
            Map.entry("return", "'return' " + SINGLE),
            Map.entry("var", "'var' " + SINGLE),
            Map.entry("assert", "'assert' " + SINGLE),
            Map.entry("in", "'in' is not allowed; write 'list contains value' or list.contains(value)"),
            Map.entry("soundslike", "'soundslike' is not allowed (only the documented operators are supported)"),
            Map.entry("strsim", "'strsim' is not allowed (only the documented operators are supported)"),
            Map.entry("convertable_to", "'convertable_to' " + NO_CLASSES),
            Map.entry("isdef", "'isdef' is not allowed; compare with null instead"),
            Map.entry("this", "'this' is not allowed (expressions may only read their variables)"));

    private static final Map<Character, String> CHARACTERS = Map.of(
            ';', "';' " + SINGLE,
            '{', "'{' is not allowed (blocks, functions and inline arrays are not supported)",
            '}', "'}' is not allowed (blocks, functions and inline arrays are not supported)",
            '#', "'#' is not allowed (interpolation is not supported)",
            '@', "'@' is not allowed (templates and interpolation are not supported)",
            '$', "'$' is not allowed (projections and interpolation are not supported)",
            '^', "'^' is not allowed (bitwise operators are not supported)");

    private LexicalRules() {}

    /** Returns why keyword {@code word} is refused, or null when it is not a refused keyword. */
    static String refusedKeyword(String word) {
        return KEYWORDS.get(word);
    }

    /** Returns whether {@code word} is reserved and cannot name a variable. */
    static boolean isReserved(String word) {
        return KEYWORDS.containsKey(word) || word.equals("contains") || word.equals("null")
                || word.equals("true") || word.equals("false");
    }

    /** Returns why character {@code c} is refused outside string literals. */
    static String refusedCharacter(char c, int position) {
        String known = CHARACTERS.get(c);
        if (known != null) {
            return known;
        }
        if (c == '~') {
            return "'~' is not allowed ('~=' runs regular expressions, which can take unbounded time)";
        }
        if (c >= 0x20 && c < 0x7f) {
            return "'" + c + "' at position " + position + " is not allowed";
        }
        return String.format("character U+%04X at position %d is not allowed outside string literals", (int) c, position);
    }

    /** Returns the message for an assignment operator such as {@code =} or {@code +=}. */
    static String assignment(String operator) {
        return "assignment '" + operator + "' is not allowed (expressions cannot modify data); compare with '=='";
    }
}
