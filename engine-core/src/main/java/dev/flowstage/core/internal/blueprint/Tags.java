package dev.flowstage.core.internal.blueprint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The YAML tags blueprints may use, and the argument shapes each accepts. */
final class Tags {
    static final String KEY_OF = "KeyOf";
    static final String FIND = "Find";
    static final String FIND_OBJECT = "FindObject";
    static final String CONTEXT = "Context";
    static final String ENV = "Env";
    static final String FILE = "File";
    static final String FORMAT = "Format";
    static final String IF = "If";
    static final String CONDITION = "Condition";
    static final String ENUMERATE = "Enumerate";
    static final String INDEX = "Index";
    static final String VALUE = "Value";
    static final String AT_INDEX = "AtIndex";
    static final String PARSE_JSON = "ParseJSON";

    private enum Shape { SCALAR, SEQUENCE, EITHER }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry(KEY_OF, Shape.SCALAR),
            Map.entry(FIND, Shape.SEQUENCE),
            Map.entry(FIND_OBJECT, Shape.SEQUENCE),
            Map.entry(CONTEXT, Shape.EITHER),
            Map.entry(ENV, Shape.EITHER),
            Map.entry(FILE, Shape.EITHER),
            Map.entry(FORMAT, Shape.SEQUENCE),
            Map.entry(IF, Shape.SEQUENCE),
            Map.entry(CONDITION, Shape.SEQUENCE),
            Map.entry(ENUMERATE, Shape.SEQUENCE),
            Map.entry(INDEX, Shape.SCALAR),
            Map.entry(VALUE, Shape.SCALAR),
            Map.entry(AT_INDEX, Shape.SEQUENCE),
            Map.entry(PARSE_JSON, Shape.SCALAR));

    private Tags() {}

    /** Returns the tag names, sorted, for messages. */
    static List<String> names() {
        return SHAPES.keySet().stream().sorted().map(name -> "!" + name).toList();
    }

    static boolean known(String name) {
        return SHAPES.containsKey(name);
    }

    /** Returns a problem with the shape of {@code argument} for tag {@code name}, or null when it fits. */
    static String shapeProblem(String name, Object argument) {
        Shape shape = SHAPES.get(name);
        boolean scalar = !(argument instanceof List<?>) && !(argument instanceof Map<?, ?>);
        boolean sequence = argument instanceof List<?>;
        if (shape == Shape.SCALAR && !scalar) {
            return "!" + name + " takes a scalar, not " + Values.typeName(argument);
        }
        if (shape == Shape.SEQUENCE && !sequence) {
            return "!" + name + " takes a sequence such as !" + name + " [a, b], not " + Values.typeName(argument);
        }
        if (shape == Shape.EITHER && !scalar && !sequence) {
            return "!" + name + " takes a scalar or a sequence, not " + Values.typeName(argument);
        }
        return null;
    }

    static Set<String> all() {
        return SHAPES.keySet();
    }
}
