package dev.flowstage.spi;

import dev.flowstage.api.Invitation;
import java.util.List;
import java.util.Optional;

/** Persists invitations. Thread-safe; {@link #consume} is atomic. */
public interface InvitationStore {

    /** Stores or replaces {@code invitation} (matched by id). */
    void save(Invitation invitation);

    /** Returns the invitation whose token hashes to {@code tokenHash}, if any. */
    Optional<Invitation> findByTokenHash(String tokenHash);

    /** Deletes the invitation with {@code id}; returns true for exactly one caller when it existed. */
    boolean consume(String id);

    /** Returns every invitation, ordered by name. */
    List<Invitation> list();
}
