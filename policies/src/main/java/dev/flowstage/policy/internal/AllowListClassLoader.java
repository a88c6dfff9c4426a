package dev.flowstage.policy.internal;

import java.util.Set;

/**
 * The only class loader MVEL gets for sandboxed expressions: it resolves the data types
 * expressions work on and MVEL's own runtime, and nothing else, so a class name in an expression
 * cannot resolve to {@code java.io.File} or {@code java.lang.Runtime} even if it got past the
 * parser. MVEL's bytecode optimizer defines its accessor classes in a child of this loader after
 * some evaluations; those classes extend {@code java.lang.Object} and call into
 * {@code org.mvel2}, which is why both are allowed.
 */
final class AllowListClassLoader extends ClassLoader {
    /** The one instance; it holds no state. */
    static final AllowListClassLoader INSTANCE = new AllowListClassLoader();

    private static final String MVEL_RUNTIME = "org.mvel2.";
    private static final Set<String> ALLOWED = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.CharSequence", "java.lang.Comparable",
            "java.lang.Boolean", "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character",
            "java.math.BigDecimal", "java.math.BigInteger",
            "java.lang.Iterable", "java.util.Collection", "java.util.List", "java.util.Map", "java.util.Set",
            "java.util.AbstractMap", "java.util.AbstractList", "java.util.AbstractCollection",
            "dev.flowstage.api.Secret",
            DataMap.class.getName(), DataList.class.getName(), UserView.class.getName(),
            ExpressionHelpers.class.getName());

    private AllowListClassLoader() {
        super(null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!ALLOWED.contains(name) && !name.startsWith(MVEL_RUNTIME)) {
            throw new ClassNotFoundException(name + " is not available to expressions");
        }
        return Class.forName(name, false, AllowListClassLoader.class.getClassLoader());
    }
}
