package dev.flowstage.core.blueprint;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating, planning or applying a blueprint.
 *
 * <p>When {@link #problems()} is not empty nothing was applied. A plan (dry run) lists the
 * changes that applying would make, with {@link #applied()} false.
 *
 * @param changes what each entry does (or did), in entry order
 * @param problems everything wrong, in the order found; empty when the blueprint is valid
 * @param applied whether the apply went through (the configuration is stored only when it changed)
 * @param deployed the slugs of the flows deployed (changed or new), sorted
 * @param removed the slugs of the flows removed from the engine, sorted
 */
public record BlueprintResult(
        List<BlueprintChange> changes, List<BlueprintProblem> problems, boolean applied, List<String> deployed,
        List<String> removed) {

    /** Validates and copies the parts. */
    public BlueprintResult {
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        deployed = List.copyOf(Objects.requireNonNull(deployed, "deployed"));
        removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
    }

    /** Returns whether the blueprint is valid (no problems). */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Returns the changes that alter the configuration (create, update, delete). */
    public List<BlueprintChange> effectiveChanges() {
        return changes.stream().filter(BlueprintChange::changes).toList();
    }

    /**
     * Returns this result when it has no problems.
     *
     * @throws BlueprintException listing the problems otherwise
     */
    public BlueprintResult orThrow() {
        if (!problems.isEmpty()) {
            throw new BlueprintException(problems);
        }
        return this;
    }
}
