package dev.flowstage.policy.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The methods and properties an expression may use on its data. Inputs are immutable maps, lists,
 * strings, numbers and booleans, so the allow-list holds only non-mutating methods of those types;
 * regular-expression methods are refused because a pattern can take unbounded time.
 */
final class MemberRules {
    /** Allowed methods and their argument counts. */
    private static final Map<String, Integer> METHODS = Map.ofEntries(
            Map.entry("contains", 1),
            Map.entry("containsKey", 1),
            Map.entry("startsWith", 1),
            Map.entry("endsWith", 1),
            Map.entry("equals", 1),
            Map.entry("equalsIgnoreCase", 1),
            Map.entry("size", 0),
            Map.entry("isEmpty", 0),
            Map.entry("length", 0),
            Map.entry("toLowerCase", 0),
            Map.entry("toUpperCase", 0),
            Map.entry("trim", 0),
            Map.entry("get", 1),
            Map.entry("isMemberOf", 1));

    private static final Set<String> MUTATORS = Set.of("add", "addAll", "put", "putAll", "putIfAbsent", "remove",
            "removeAll", "removeIf", "retainAll", "clear", "set", "sort", "compute", "computeIfAbsent",
            "computeIfPresent", "merge", "replace", "addFirst", "addLast", "push", "pop", "offer", "poll");
    private static final Set<String> REFLECTION = Set.of("getClass", "getClassLoader", "forName", "getMethod",
            "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getDeclaredField", "getConstructor",
            "getDeclaredConstructor", "newInstance", "invoke", "setAccessible", "getRuntime", "exec", "loadClass");
    private static final Set<String> REGEX = Set.of("matches", "replaceAll", "replaceFirst", "split", "compile",
            "matcher", "splitAsStream");
    private static final Set<String> PROPERTIES_REFUSED = Set.of("class", "classLoader", "declaringClass", "module");

    private MemberRules() {}

    /**
     * Checks a call of method {@code name} with {@code arguments} arguments.
     *
     * @throws IllegalArgumentException naming the method and why it is refused
     */
    static void checkMethod(String name, int arguments) {
        Integer arity = METHODS.get(name);
        if (arity == null) {
            throw new IllegalArgumentException("method '" + name + "' is not allowed" + reason(name));
        }
        if (arity != arguments) {
            throw new IllegalArgumentException("method '" + name + "' takes " + arity + " argument"
                    + (arity == 1 ? "" : "s") + ", not " + arguments);
        }
    }

    /**
     * Checks a read of property {@code name}.
     *
     * @throws IllegalArgumentException when the property would reach the JVM rather than data
     */
    static void checkProperty(String name) {
        if (PROPERTIES_REFUSED.contains(name)) {
            throw new IllegalArgumentException("property '" + name
                    + "' is not allowed (expressions cannot use reflection); read it as ['" + name + "']");
        }
    }

    private static String reason(String name) {
        if (MUTATORS.contains(name)) {
            return " (expressions cannot modify data)";
        }
        if (REFLECTION.contains(name)) {
            return " (expressions cannot use reflection or reach the JVM)";
        }
        if (REGEX.contains(name)) {
            return " (regular expressions can take unbounded time)";
        }
        return "; the allowed methods are " + String.join(", ", new TreeSet<>(METHODS.keySet()));
    }
}
