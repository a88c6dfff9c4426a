package dev.flowstage.stages.hash;

import java.util.Optional;

/** A parsed {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} string whose parameters are within limits. */
record Argon2idEncoding(Argon2idHasher.Parameters parameters, byte[] salt, byte[] hash) {
    private static final long VERSION = 19;

    /** Returns the parsed form of {@code encoded}, or empty when it is malformed or out of limits. */
    static Optional<Argon2idEncoding> parse(String encoded) {
        Optional<String[]> parts = Phc.split(encoded, 6);
        if (parts.isEmpty() || !parts.get()[1].equals("argon2id") || Phc.param(parts.get()[2], "v") != VERSION) {
            return Optional.empty();
        }
        String[] costs = parts.get()[3].split(",", -1);
        Optional<byte[]> salt = Phc.decode(parts.get()[4]);
        Optional<byte[]> hash = Phc.decode(parts.get()[5]);
        if (costs.length != 3 || salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        return of(Phc.param(costs[0], "m"), Phc.param(costs[1], "t"), Phc.param(costs[2], "p"), salt.get(), hash.get());
    }

    private static Optional<Argon2idEncoding> of(long m, long t, long p, byte[] salt, byte[] hash) {
        if (Argon2idHasher.Parameters.problem(m, t, p, salt.length, hash.length) != null) {
            return Optional.empty();
        }
        var parameters = new Argon2idHasher.Parameters((int) m, (int) t, (int) p, salt.length, hash.length);
        return Optional.of(new Argon2idEncoding(parameters, salt, hash));
    }
}
