package dev.flowstage.spi;

import dev.flowstage.api.FlowException;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates sandboxed MVEL expressions for stages (prompt placeholders and initial values). Each
 * source is compiled once and cached; check sources when the flow compiles with
 * {@link StageValidation#checkExpression}.
 */
public interface Expressions {

    /**
     * Returns the value of {@code source} over {@code variables} (data only: strings, numbers,
     * booleans, lists, maps, records, {@code User}, {@code RequestInfo}, {@code FlowContext}).
     *
     * @throws IllegalArgumentException when the source is refused by the sandbox
     * @throws FlowException when evaluation fails; the message never contains values
     */
    Object evaluate(String source, Map<String, ?> variables);

    /** Returns the variable names stage expressions may use: {@code user}, {@code request}, {@code context}, {@code prompt_data}. */
    static Set<String> variables() {
        return Set.of("user", "request", "context", "prompt_data");
    }
}
