package dev.flowstage.policy.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names an expression may use at the start of a chain: its declared variables and the helper
 * functions of {@link ExpressionHelpers}.
 *
 * @param variables the declared variable names, in the order messages list them
 */
record Vocabulary(List<String> variables) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<String, Integer> HELPERS = Map.of(ExpressionHelpers.IS_GROUP_MEMBER, 2);

    /** Validates and copies the variable names. */
    Vocabulary {
        variables = List.copyOf(variables);
        for (String name : variables) {
            if (!NAME.matcher(name).matches() || LexicalRules.isReserved(name) || HELPERS.containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' cannot name an expression variable");
            }
        }
    }

    /** Returns whether {@code name} is a declared variable. */
    boolean isVariable(String name) {
        return variables.contains(name);
    }

    /**
     * Checks a call of helper {@code name} with {@code arguments} arguments.
     *
     * @throws IllegalArgumentException when there is no such helper or the count is wrong
     */
    void checkHelper(String name, int arguments) {
        Integer arity = HELPERS.get(name);
        if (arity == null) {
            throw new IllegalArgumentException("function '" + name
                    + "' is not allowed; the only function is isGroupMember(user, group)");
        }
        if (arity != arguments) {
            throw new IllegalArgumentException("function '" + name + "' takes " + arity + " arguments, not " + arguments);
        }
    }

    /** Returns the message for a chain that starts at {@code name}, which is not a variable. */
    String notAVariable(String name) {
        String allowed = variables.isEmpty() ? "no variables" : "the variables " + String.join(", ", variables);
        return "'" + name + "' is not allowed: expressions may only read " + allowed;
    }
}
