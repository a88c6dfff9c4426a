package dev.flowstage.core.blueprint;

import dev.flowstage.api.FlowException;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a blueprint is invalid; lists every problem found, each naming its file, entry and key. */
public class BlueprintException extends FlowException {
    private static final long serialVersionUID = 1L;
    private final transient List<BlueprintProblem> problems;

    /** Creates an exception listing {@code problems}. */
    public BlueprintException(List<BlueprintProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns every problem, in the order found. */
    public List<BlueprintProblem> problems() {
        return problems;
    }

    private static String format(List<BlueprintProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:\n  - "
                + problems.stream().map(BlueprintProblem::toString).collect(Collectors.joining("\n  - "));
    }
}
