package dev.flowstage.spi;

import dev.flowstage.api.ExecutionId;
import java.time.Instant;
import java.util.Objects;

/**
 * An execution as the store holds it: its id, an optimistic version, the flow, when it expires and
 * its state as compact JSON. Stores treat {@code data} as opaque.
 *
 * @param id the execution id
 * @param version incremented by every write; writes check it
 * @param flowSlug the flow's slug, for housekeeping queries
 * @param expiresAt when the execution expires unless touched again
 * @param data the serialised execution (compact JSON, typically under a few KiB)
 */
public record StoredExecution(ExecutionId id, long version, String flowSlug, Instant expiresAt, String data) {
    /** Validates the parts. */
    public StoredExecution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(flowSlug, "flowSlug");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(data, "data");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** Returns a description without the data, which may hold personal information. */
    @Override
    public String toString() {
        return "StoredExecution[id=" + id + ", version=" + version + ", flow=" + flowSlug + ", expiresAt=" + expiresAt
                + ", " + data.length() + " chars]";
    }
}
