package dev.flowstage.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation to enroll. Its token is never stored: only {@code tokenHash}, the hex SHA-256 of
 * the raw token handed to the invitee.
 *
 * @param id the invitation's id
 * @param name a slug-like name for administrators
 * @param tokenHash hex SHA-256 of the raw token
 * @param expires when it expires, or null for never
 * @param singleUse whether it is deleted when used
 * @param fixedData values merged into the prompt data (the invitation's values win)
 * @param flowSlug the flow it is valid for, or null for any flow
 * @param createdBy who created it, or empty string
 */
public record Invitation(
        String id, String name, String tokenHash, Instant expires, boolean singleUse, Map<String, Object> fixedData,
        String flowSlug, String createdBy) {

    /** Validates and copies the parts. */
    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenHash, "tokenHash");
        fixedData = JsonValues.copyObject(Objects.requireNonNull(fixedData, "fixedData"), "invitation fixed data");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** Returns whether the invitation has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }

    /** Returns the flow it is restricted to, if any. */
    public Optional<String> flow() {
        return Optional.ofNullable(flowSlug);
    }

    /** Returns a description without the token hash. */
    @Override
    public String toString() {
        return "Invitation[id=" + id + ", name=" + name + ", expires=" + expires + ", singleUse=" + singleUse
                + ", flow=" + flowSlug + "]";
    }
}
