package dev.flowstage.spi;

import dev.flowstage.api.ExecutionId;
import java.time.Instant;
import java.util.Optional;

/**
 * Persists executions. Implementations must be thread-safe and must make {@link #replace} atomic:
 * of two replaces with the same expected version, at most one succeeds.
 */
public interface ExecutionStore {

    /** Returns the execution with {@code id}, if stored (expired ones may still be returned). */
    Optional<StoredExecution> find(ExecutionId id);

    /**
     * Stores a new execution.
     *
     * @throws IllegalStateException when an execution with the same id exists
     */
    void insert(StoredExecution execution);

    /**
     * Replaces the stored execution with {@code execution} if the stored version equals
     * {@code expectedVersion}; returns whether it did.
     */
    boolean replace(StoredExecution execution, long expectedVersion);

    /** Deletes the execution with {@code id}; no-op when absent. */
    void delete(ExecutionId id);

    /** Deletes executions that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
