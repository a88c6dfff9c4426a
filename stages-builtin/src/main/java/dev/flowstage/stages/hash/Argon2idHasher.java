package dev.flowstage.stages.hash;

import dev.flowstage.api.Secret;
import dev.flowstage.spi.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (RFC 9106, version 0x13) into PHC strings such as
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded standard base64).
 *
 * <p>Thread-safe; its parameters never change. {@link #verify} compares in constant time, and returns
 * false (rather than throwing) for malformed strings, other algorithms, other versions and cost parameters outside
 * {@link Parameters}' limits, which also keeps a forged stored hash from exhausting memory.
 *
 * <p>At most {@code maxConcurrent} hashes (and verifications) run at once, by default as many as
 * the machine has processors; further callers wait their turn, and a caller interrupted while it
 * waits gets an {@link IllegalStateException} (its interrupt flag set again). Each one holds {@code memoryKib} of
 * memory (19 MiB at the defaults), so more in flight than there are cores only adds memory and
 * garbage-collector pressure: measured with the demo host, 16 concurrent sign-ins on 2 cores ran
 * slower than 4 (see docs/PERFORMANCE.md).
 */
public final class Argon2idHasher implements PasswordHasher {
    private static final String PREFIX = "$argon2id$";
    private static final byte[] NONE = new byte[0];

    private final Parameters parameters;
    private final SecureRandom random;
    private final Semaphore running;

    /**
     * Creates a hasher that hashes with {@code parameters}, draws salts from {@code random}, and runs
     * as many hashes at once as there are processors.
     *
     * @throws NullPointerException when either argument is null
     */
    public Argon2idHasher(Parameters parameters, SecureRandom random) {
        this(parameters, random, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Creates a hasher that hashes with {@code parameters}, draws salts from {@code random}, and runs
     * at most {@code maxConcurrent} hashes at once.
     *
     * @throws NullPointerException when {@code parameters} or {@code random} is null
     * @throws IllegalArgumentException when {@code maxConcurrent} is not positive
     */
    public Argon2idHasher(Parameters parameters, SecureRandom random, int maxConcurrent) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be positive, got " + maxConcurrent);
        }
        this.running = new Semaphore(maxConcurrent, true);
    }

    /**
     * Returns a hasher with {@link Parameters#defaults()} and a new {@link SecureRandom}; the one
     * place this class creates its own random source, for hosts that do not inject one.
     */
    public static Argon2idHasher withDefaults() {
        return new Argon2idHasher(Parameters.defaults(), new SecureRandom());
    }

    /** Returns the parameters new hashes are made with. */
    public Parameters parameters() {
        return parameters;
    }

    /** Returns the PHC string of {@code password} hashed with a fresh random salt. */
    @Override
    public String hash(Secret password) {
        byte[] salt = new byte[parameters.saltLength()];
        random.nextBytes(salt);
        byte[] hash = limited(password, salt, parameters, parameters.hashLength());
        return PREFIX + "v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + Phc.encode(salt) + "$" + Phc.encode(hash);
    }

    /** Returns whether {@code password} matches the Argon2id PHC string {@code encoded}; false when malformed. */
    @Override
    public boolean verify(Secret password, String encoded) {
        Optional<Argon2idEncoding> decoded = Argon2idEncoding.parse(encoded);
        if (decoded.isEmpty()) {
            return false;
        }
        Argon2idEncoding stored = decoded.get();
        byte[] actual = limited(password, stored.salt(), stored.parameters(), stored.hash().length);
        return MessageDigest.isEqual(actual, stored.hash());
    }

    /** Returns whether {@code encoded} names the Argon2id algorithm (it may still be malformed). */
    @Override
    public boolean canVerify(String encoded) {
        return encoded != null && encoded.startsWith(PREFIX);
    }

    /**
     * Returns whether {@code encoded} should be replaced by a new hash: it is malformed, or its
     * memory, iterations, salt length or hash length is below this hasher's.
     */
    @Override
    public boolean needsRehash(String encoded) {
        return Argon2idEncoding.parse(encoded).map(stored -> stored.parameters().isWeakerThan(parameters)).orElse(true);
    }

    /** Derives once a turn is free; an interrupted wait keeps the interrupt and throws. */
    private byte[] limited(Secret password, byte[] salt, Parameters parameters, int length) {
        try {
            running.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to hash a password", e);
        }
        try {
            return derive(password, salt, parameters, length);
        } finally {
            running.release();
        }
    }

    private static byte[] derive(Secret password, byte[] salt, Parameters parameters, int length) {
        byte[] bytes = password.reveal().getBytes(StandardCharsets.UTF_8);
        try {
            return derive(bytes, salt, parameters.memoryKib(), parameters.iterations(), parameters.parallelism(),
                    length, NONE, NONE);
        } finally {
            Phc.wipe(bytes);
        }
    }

    /** Computes a raw Argon2id (v=0x13) tag; the known-answer entry point, with RFC 9106's optional secret and data. */
    static byte[] derive(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length,
            byte[] secret, byte[] additional) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(additional);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    /**
     * Argon2id cost parameters and lengths.
     *
     * <p>Limits (enforced here and when verifying stored strings): memory 8×parallelism to 1 GiB,
     * 1 to 100 iterations, parallelism 1 to 64, salt 8 to 64 bytes, hash 16 to 128 bytes.
     *
     * @param memoryKib memory in KiB ({@code m})
     * @param iterations passes over memory ({@code t})
     * @param parallelism lanes ({@code p})
     * @param saltLength salt length in bytes
     * @param hashLength hash length in bytes
     */
    public record Parameters(int memoryKib, int iterations, int parallelism, int saltLength, int hashLength) {

        /**
         * Validates the limits.
         *
         * @throws IllegalArgumentException naming the value out of range
         */
        public Parameters {
            String problem = problem(memoryKib, iterations, parallelism, saltLength, hashLength);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }

        /** Returns OWASP's recommended minimum: m=19456 (19 MiB), t=2, p=1, 16-byte salt, 32-byte hash. */
        public static Parameters defaults() {
            return new Parameters(19_456, 2, 1, 16, 32);
        }

        /** Returns deliberately cheap parameters (m=64, t=1, p=1) for tests; never use them in production. */
        public static Parameters forTests() {
            return new Parameters(64, 1, 1, 16, 32);
        }

        /** Returns these parameters with {@code memoryKib} KiB of memory. */
        public Parameters withMemoryKib(int memoryKib) {
            return new Parameters(memoryKib, iterations, parallelism, saltLength, hashLength);
        }

        /** Returns these parameters with {@code iterations} passes. */
        public Parameters withIterations(int iterations) {
            return new Parameters(memoryKib, iterations, parallelism, saltLength, hashLength);
        }

        /** Returns these parameters with {@code parallelism} lanes. */
        public Parameters withParallelism(int parallelism) {
            return new Parameters(memoryKib, iterations, parallelism, saltLength, hashLength);
        }

        /** Returns whether any cost or length of these parameters is below {@code other}'s (parallelism aside). */
        public boolean isWeakerThan(Parameters other) {
            return memoryKib < other.memoryKib || iterations < other.iterations
                    || saltLength < other.saltLength || hashLength < other.hashLength;
        }

        static String problem(long memoryKib, long iterations, long parallelism, long saltLength, long hashLength) {
            if (!Phc.within(parallelism, 1, 64)) {
                return "argon2id parallelism must be 1 to 64, got " + parallelism;
            }
            if (!Phc.within(memoryKib, 8 * parallelism, 1 << 20)) {
                return "argon2id memory must be " + 8 * parallelism + " to 1048576 KiB, got " + memoryKib;
            }
            if (!Phc.within(iterations, 1, 100)) {
                return "argon2id iterations must be 1 to 100, got " + iterations;
            }
            if (!Phc.within(saltLength, 8, 64) || !Phc.within(hashLength, 16, 128)) {
                return "argon2id salt must be 8 to 64 bytes and hash 16 to 128 bytes, got " + saltLength + " and "
                        + hashLength;
            }
            return null;
        }
    }
}
