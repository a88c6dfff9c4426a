package dev.flowstage.stages.hash;

import dev.flowstage.api.Secret;
import dev.flowstage.spi.PasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Hashes with its first hasher and verifies with whichever of its hashers {@link
 * PasswordHasher#canVerify can verify} the stored string, so that imported or older hashes keep
 * working while {@link #needsRehash} tells the host to upgrade them on the next successful login.
 *
 * <p><b>Timing.</b> {@link #verifyNothing} (used for unknown users and users without a usable
 * hash) spends the <em>primary</em> hasher's time, while {@link #verify} spends the time of
 * whichever hasher understands the stored hash. A user whose hash is still in a legacy format
 * (say PBKDF2, behind an Argon2id primary) therefore answers in a measurably different time from an
 * unknown identifier, and a client timing many attempts can tell that such an account exists.
 * This cannot be fixed here without knowing which algorithm an unknown user "would" have had;
 * narrow the gap by choosing legacy parameters that cost about what the primary costs, and shrink
 * it over time by rehashing on sign-in ({@link #needsRehash}) or by migrating stale hashes.
 *
 * <p>Immutable and thread-safe when its hashers are.
 */
public final class DelegatingPasswordHasher implements PasswordHasher {
    private final List<PasswordHasher> hashers;

    /**
     * Creates a hasher that hashes with {@code primary} and also verifies with {@code others}, tried in order.
     *
     * @throws NullPointerException when any hasher is null
     */
    public DelegatingPasswordHasher(PasswordHasher primary, PasswordHasher... others) {
        List<PasswordHasher> all = new ArrayList<>();
        all.add(Objects.requireNonNull(primary, "primary"));
        all.addAll(List.of(others));
        this.hashers = List.copyOf(all);
    }

    /**
     * Returns Argon2id with default parameters, also verifying PBKDF2-SHA256; each creates its own
     * {@link java.security.SecureRandom} (see {@link Argon2idHasher#withDefaults()}).
     */
    public static DelegatingPasswordHasher withDefaults() {
        return new DelegatingPasswordHasher(Argon2idHasher.withDefaults(), Pbkdf2Hasher.withDefaults());
    }

    /** Returns the encoded hash of {@code password} made by the primary hasher. */
    @Override
    public String hash(Secret password) {
        return hashers.get(0).hash(password);
    }

    /** Returns whether {@code password} matches {@code encoded}, per the first hasher that can verify it; false if none can. */
    @Override
    public boolean verify(Secret password, String encoded) {
        return verifier(encoded).map(hasher -> hasher.verify(password, encoded)).orElse(false);
    }

    /**
     * Spends the primary hasher's verification time and returns false; see the class comment for
     * why this differs from verifying a legacy hash.
     */
    @Override
    public boolean verifyNothing(Secret password) {
        return hashers.get(0).verifyNothing(password);
    }

    /** Returns whether any of the hashers can verify {@code encoded}. */
    @Override
    public boolean canVerify(String encoded) {
        return verifier(encoded).isPresent();
    }

    /** Returns whether {@code encoded} is not the primary hasher's algorithm, or is weaker than its parameters. */
    @Override
    public boolean needsRehash(String encoded) {
        PasswordHasher primary = hashers.get(0);
        return !primary.canVerify(encoded) || primary.needsRehash(encoded);
    }

    private Optional<PasswordHasher> verifier(String encoded) {
        return hashers.stream().filter(hasher -> hasher.canVerify(encoded)).findFirst();
    }
}
