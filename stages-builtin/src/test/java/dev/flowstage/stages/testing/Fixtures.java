package dev.flowstage.stages.testing;

import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.stages.hash.Argon2idHasher;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Seeded randomness, a cheap hasher and known users for stage tests. */
public final class Fixtures {
    /** Alice's password. */
    public static final String ALICE_PASSWORD = "correct horse battery staple";
    /** A cheap Argon2id hasher with a seeded random source. */
    public static final Argon2idHasher HASHER = new Argon2idHasher(Argon2idHasher.Parameters.forTests(), seededRandom(1));
    private static final String ALICE_HASH = HASHER.hash(Secret.of(ALICE_PASSWORD));

    private Fixtures() {}

    /** Returns a deterministic {@link SecureRandom} seeded with {@code seed}. */
    public static SecureRandom seededRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns active user alice (id u-alice, alice@example.com) with {@link #ALICE_PASSWORD}. */
    public static User alice() {
        return User.of("u-alice", "alice", "alice@example.com").withPasswordHash(ALICE_HASH);
    }

    /** Returns active user bob (id u-bob, Bob@Example.com) with no password. */
    public static User bob() {
        return User.of("u-bob", "Bob", "Bob@Example.com");
    }
}
