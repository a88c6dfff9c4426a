package dev.flowstage.spi;

import dev.flowstage.api.Secret;

/**
 * Hashes and verifies passwords as self-describing encoded strings (PHC format, such as
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). Thread-safe.
 */
public interface PasswordHasher {

    /** Returns the encoded hash of {@code password} with a fresh random salt. */
    String hash(Secret password);

    /**
     * Returns whether {@code password} matches {@code encoded}; false for an encoding this hasher
     * does not understand. Takes about as long for a wrong password as for a right one.
     */
    boolean verify(Secret password, String encoded);

    /** Returns whether this hasher understands {@code encoded}'s algorithm. */
    boolean canVerify(String encoded);

    /**
     * Spends about as long as a verification and returns false: used when there is no user or no
     * usable hash, so that response time does not reveal whether an account exists. By default it
     * hashes {@code password} with the current parameters, which costs the same as verifying
     * against a hash made with them.
     */
    default boolean verifyNothing(Secret password) {
        hash(password);
        return false;
    }

    /** Returns whether {@code encoded} uses weaker parameters than this hasher's current ones. */
    default boolean needsRehash(String encoded) {
        return false;
    }
}
