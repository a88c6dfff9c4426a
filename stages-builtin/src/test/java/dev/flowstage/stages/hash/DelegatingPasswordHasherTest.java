package dev.flowstage.stages.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Secret;
import dev.flowstage.stages.testing.Fixtures;
import org.junit.jupiter.api.Test;

class DelegatingPasswordHasherTest {
    private static final Argon2idHasher ARGON2 =
            new Argon2idHasher(Argon2idHasher.Parameters.forTests(), Fixtures.seededRandom(11));
    private static final Pbkdf2Hasher PBKDF2 = new Pbkdf2Hasher(Pbkdf2Hasher.Parameters.forTests(), Fixtures.seededRandom(12));
    private static final DelegatingPasswordHasher HASHER = new DelegatingPasswordHasher(ARGON2, PBKDF2);
    private static final Secret PASSWORD = Secret.of("hunter2");

    @Test
    void hash_always_usesPrimary() {
        assertThat(HASHER.hash(PASSWORD)).startsWith("$argon2id$");
    }

    @Test
    void verify_legacyHash_usesTheHasherThatUnderstandsIt() {
        String legacy = PBKDF2.hash(PASSWORD);

        assertThat(HASHER.verify(PASSWORD, legacy)).isTrue();
        assertThat(HASHER.verify(Secret.of("nope"), legacy)).isFalse();
        assertThat(HASHER.verify(PASSWORD, HASHER.hash(PASSWORD))).isTrue();
    }

    @Test
    void verify_unknownAlgorithm_returnsFalse() {
        assertThat(HASHER.canVerify("$2b$12$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(HASHER.verify(PASSWORD, "$2b$12$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(HASHER.verify(PASSWORD, null)).isFalse();
    }

    @Test
    void needsRehash_legacyOrUnknown_trueAndCurrent_false() {
        assertThat(HASHER.needsRehash(PBKDF2.hash(PASSWORD))).isTrue();
        assertThat(HASHER.needsRehash("$2b$12$abcdefghijklmnopqrstuv")).isTrue();
        assertThat(HASHER.needsRehash(HASHER.hash(PASSWORD))).isFalse();
    }
}
