package dev.flowstage.core;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.StoredExecution;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps executions in memory, for one process and for tests. Thread-safe; {@link #replace} is
 * atomic per execution. Holds the same serialised records a shared store would, so it exercises
 * the same code path.
 */
public final class InMemoryExecutionStore implements ExecutionStore {
    private final Map<ExecutionId, StoredExecution> executions = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredExecution> find(ExecutionId id) {
        return Optional.ofNullable(executions.get(id));
    }

    @Override
    public void insert(StoredExecution execution) {
        if (executions.putIfAbsent(execution.id(), execution) != null) {
            throw new IllegalStateException("execution '" + execution.id() + "' already exists");
        }
    }

    @Override
    public boolean replace(StoredExecution execution, long expectedVersion) {
        boolean[] replaced = {false};
        executions.computeIfPresent(execution.id(), (id, stored) -> {
            if (stored.version() != expectedVersion) {
                return stored;
            }
            replaced[0] = true;
            return execution;
        });
        return replaced[0];
    }

    @Override
    public void delete(ExecutionId id) {
        executions.remove(id);
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = executions.size();
        executions.values().removeIf(execution -> execution.expiresAt().isBefore(now));
        return before - executions.size();
    }

    /** Returns how many executions are stored. */
    public int size() {
        return executions.size();
    }
}
