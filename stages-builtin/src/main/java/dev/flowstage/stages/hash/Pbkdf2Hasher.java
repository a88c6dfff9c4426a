package dev.flowstage.stages.hash;

import dev.flowstage.api.Secret;
import dev.flowstage.spi.PasswordHasher;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes passwords with PBKDF2-HMAC-SHA256 (the JDK's {@code PBKDF2WithHmacSHA256}, password
 * encoded as UTF-8) into PHC-style strings {@code $pbkdf2-sha256$i=600000$<salt>$<hash>}
 * (unpadded standard base64).
 *
 * <p>Immutable and thread-safe. {@link #verify} compares in constant time and returns false (never
 * throws) for malformed strings and for iteration counts or lengths outside {@link Parameters}' limits.
 */
public final class Pbkdf2Hasher implements PasswordHasher {
    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final String PREFIX = "$" + ALGORITHM + "$";

    private final Parameters parameters;
    private final SecureRandom random;

    /**
     * Creates a hasher that hashes with {@code parameters} and draws salts from {@code random}.
     *
     * @throws NullPointerException when either argument is null
     */
    public Pbkdf2Hasher(Parameters parameters, SecureRandom random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Returns a hasher with {@link Parameters#defaults()} and a new {@link SecureRandom}; the one
     * place this class creates its own random source, for hosts that do not inject one.
     */
    public static Pbkdf2Hasher withDefaults() {
        return new Pbkdf2Hasher(Parameters.defaults(), new SecureRandom());
    }

    /** Returns the parameters new hashes are made with. */
    public Parameters parameters() {
        return parameters;
    }

    /** Returns the PHC-style string of {@code password} hashed with a fresh random salt. */
    @Override
    public String hash(Secret password) {
        byte[] salt = new byte[parameters.saltLength()];
        random.nextBytes(salt);
        byte[] hash = derive(password.reveal().toCharArray(), salt, parameters.iterations(), parameters.hashLength());
        return PREFIX + "i=" + parameters.iterations() + "$" + Phc.encode(salt) + "$" + Phc.encode(hash);
    }

    /** Returns whether {@code password} matches the PBKDF2-SHA256 string {@code encoded}; false when malformed. */
    @Override
    public boolean verify(Secret password, String encoded) {
        Optional<Stored> parsed = parse(encoded);
        if (parsed.isEmpty()) {
            return false;
        }
        Stored stored = parsed.get();
        byte[] actual = derive(password.reveal().toCharArray(), stored.salt, stored.parameters.iterations(),
                stored.hash.length);
        return MessageDigest.isEqual(actual, stored.hash);
    }

    /** Returns whether {@code encoded} names the PBKDF2-SHA256 algorithm (it may still be malformed). */
    @Override
    public boolean canVerify(String encoded) {
        return encoded != null && encoded.startsWith(PREFIX);
    }

    /**
     * Returns whether {@code encoded} should be replaced by a new hash: it is malformed, or its
     * iterations, salt length or hash length is below this hasher's.
     */
    @Override
    public boolean needsRehash(String encoded) {
        return parse(encoded).map(stored -> stored.parameters.isWeakerThan(parameters)).orElse(true);
    }

    /** Computes raw PBKDF2-HMAC-SHA256 output of {@code length} bytes; the known-answer entry point. */
    static byte[] derive(char[] password, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(password, '\0');
        }
    }

    private static Optional<Stored> parse(String encoded) {
        Optional<String[]> parts = Phc.split(encoded, 5);
        if (parts.isEmpty() || !parts.get()[1].equals(ALGORITHM)) {
            return Optional.empty();
        }
        long iterations = Phc.param(parts.get()[2], "i");
        Optional<byte[]> salt = Phc.decode(parts.get()[3]);
        Optional<byte[]> hash = Phc.decode(parts.get()[4]);
        if (salt.isEmpty() || hash.isEmpty()
                || Parameters.problem(iterations, salt.get().length, hash.get().length) != null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(new Parameters((int) iterations, salt.get().length, hash.get().length),
                salt.get(), hash.get()));
    }

    private record Stored(Parameters parameters, byte[] salt, byte[] hash) {}

    /**
     * PBKDF2 iteration count and lengths.
     *
     * <p>Limits (enforced here and when verifying stored strings): 1 to 10,000,000 iterations, salt
     * 8 to 64 bytes, hash 16 to 64 bytes.
     *
     * @param iterations the iteration count ({@code i})
     * @param saltLength salt length in bytes
     * @param hashLength derived key length in bytes
     */
    public record Parameters(int iterations, int saltLength, int hashLength) {

        /**
         * Validates the limits.
         *
         * @throws IllegalArgumentException naming the value out of range
         */
        public Parameters {
            String problem = problem(iterations, saltLength, hashLength);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }

        /** Returns OWASP's recommendation for PBKDF2-HMAC-SHA256: 600,000 iterations, 16-byte salt, 32-byte hash. */
        public static Parameters defaults() {
            return new Parameters(600_000, 16, 32);
        }

        /** Returns deliberately cheap parameters (1,000 iterations) for tests; never use them in production. */
        public static Parameters forTests() {
            return new Parameters(1_000, 16, 32);
        }

        /** Returns these parameters with {@code iterations} iterations. */
        public Parameters withIterations(int iterations) {
            return new Parameters(iterations, saltLength, hashLength);
        }

        /** Returns whether the iterations, salt length or hash length is below {@code other}'s. */
        public boolean isWeakerThan(Parameters other) {
            return iterations < other.iterations || saltLength < other.saltLength || hashLength < other.hashLength;
        }

        static String problem(long iterations, long saltLength, long hashLength) {
            if (!Phc.within(iterations, 1, 10_000_000)) {
                return "pbkdf2 iterations must be 1 to 10000000, got " + iterations;
            }
            if (!Phc.within(saltLength, 8, 64) || !Phc.within(hashLength, 16, 64)) {
                return "pbkdf2 salt must be 8 to 64 bytes and hash 16 to 64 bytes, got " + saltLength + " and "
                        + hashLength;
            }
            return null;
        }
    }
}
