package dev.flowstage.api;

import java.util.List;

/** Thrown when a flow definition is invalid; lists every problem found, not just the first. */
public class FlowDefinitionException extends FlowException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    /** Creates an exception listing {@code problems}, each a full sentence naming the culprit. */
    public FlowDefinitionException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns every problem, in the order found. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " problems:\n  - " + String.join("\n  - ", problems);
    }
}
