package dev.flowstage.policy.internal;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvel2.MVEL;
import org.mvel2.ParserConfiguration;
import org.mvel2.ParserContext;

/**
 * An expression that passed every layer of the sandbox and was compiled by MVEL: the lexical
 * guard, the parser's allow-list, a fresh parser context whose only import is the helper function
 * and which resolves classes through {@link AllowListClassLoader}, and the walk over MVEL's tree.
 *
 * <p>The variables are not declared as MVEL inputs: they are passed as the context object (the
 * parser writes {@code this.?user}), and evaluation gets no variable factory at all, so nothing
 * but that immutable-data map is reachable. Strong typing is not used because it cannot type
 * JSON-like maps ({@code context.prompt_data.email} fails with "unqualified type in strict mode");
 * the parser and the tree walk enforce what it would have (every chain starts at a declared
 * variable). Inputs are turned into data views before each evaluation. Immutable and thread-safe.
 */
public final class MvelExpression {
    /**
     * MVEL logs at WARNING, with the full exception, every failure inside a method argument just
     * before rethrowing it (the message may quote input values, which can be personal or secret),
     * and its own failures to reformat compile errors. The failures still reach the caller, so
     * these duplicate log lines are switched off. Held in a field because java.util.logging forgets
     * the level of a logger that is garbage collected.
     */
    private static final List<Logger> QUIETED = List.of(
            quiet("org.mvel2.optimizers.impl.refl.ReflectiveAccessorOptimizer"), quiet("org.mvel2.util.ErrorUtil"));

    private final Serializable compiled;
    private final Set<String> variables;

    private MvelExpression(Serializable compiled, Set<String> variables) {
        this.compiled = compiled;
        this.variables = variables;
    }

    /**
     * Returns {@code source} compiled with {@code variables} as the only names it may read.
     *
     * @throws IllegalArgumentException naming the refused construct, or MVEL's compile error
     */
    public static MvelExpression compile(String source, List<String> variables) {
        Vocabulary vocabulary = new Vocabulary(variables);
        Parsed parsed = ExpressionParser.parse(source, vocabulary);
        Serializable compiled = compileCanonical(parsed.canonical());
        AstVerifier.verify(compiled, vocabulary);
        return new MvelExpression(compiled, parsed.variables());
    }

    private static Serializable compileCanonical(String canonical) {
        try {
            return MVEL.compileExpression(canonical, parserContext());
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("expression does not compile: " + firstLine(e.getMessage()));
        }
    }

    static ParserContext parserContext() {
        ParserConfiguration configuration = new ParserConfiguration();
        configuration.setClassLoader(AllowListClassLoader.INSTANCE);
        configuration.addImport(ExpressionHelpers.IS_GROUP_MEMBER, ExpressionHelpers.isGroupMemberMethod());
        return new ParserContext(configuration);
    }

    /** Returns the declared variables the expression reads. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * Returns the value of the expression for {@code inputs}, which are converted to data views
     * first; a variable missing from {@code inputs} is null.
     *
     * @throws IllegalStateException naming the kind of failure (never values, which may be secret)
     */
    public Object evaluate(Map<String, ?> inputs) {
        Map<String, Object> values = new HashMap<>(variables.size() * 2);
        for (String variable : variables) {
            values.put(variable, DataViews.data(inputs.get(variable)));
        }
        try {
            return MVEL.executeExpression(compiled, (Object) values);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            throw new IllegalStateException("expression failed while evaluating (" + causes(e) + ")");
        }
    }

    private static String causes(Throwable failure) {
        StringBuilder names = new StringBuilder(failure.getClass().getSimpleName());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            names.append(" caused by ").append(cause.getClass().getSimpleName());
        }
        return names.toString();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.OFF);
        return logger;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
