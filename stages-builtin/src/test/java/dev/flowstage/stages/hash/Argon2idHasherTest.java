package dev.flowstage.stages.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.Secret;
import dev.flowstage.stages.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idHasherTest {
    private static final Argon2idHasher HASHER =
            new Argon2idHasher(Argon2idHasher.Parameters.forTests(), Fixtures.seededRandom(3));
    private static final Secret PASSWORD = Secret.of("hunter2");

    @Test
    void derive_rfc9106Section53Vector_producesPublishedTag() {
        byte[] tag = Argon2idHasher.derive(filled(32, 0x01), filled(16, 0x02), 32, 3, 4, 32, filled(8, 0x03),
                filled(12, 0x04));

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    /** Vectors of the reference implementation's test suite (P-H-C/phc-winner-argon2 src/test.c, and libar2's copy). */
    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
    })
    void verify_referenceImplementationVector_acceptsPasswordAndRejectsOthers(String encoded) {
        assertThat(HASHER.verify(Secret.of("password"), encoded)).isTrue();
        assertThat(HASHER.verify(Secret.of("Password"), encoded)).isFalse();
    }

    @Test
    void maxConcurrentOfOne_manyThreadsHashingAtOnce_allRoundTrip() throws Exception {
        Argon2idHasher one = new Argon2idHasher(Argon2idHasher.Parameters.forTests(), new SecureRandom(), 1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Secret password = Secret.of("password " + i);
                results.add(pool.submit(() -> one.verify(password, one.hash(password))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void maxConcurrent_belowOne_isRefused() {
        assertThatThrownBy(() -> new Argon2idHasher(Argon2idHasher.Parameters.forTests(), new SecureRandom(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxConcurrent must be positive, got 0");
    }

    @Test
    void hash_thenVerify_roundTrips() {
        String encoded = HASHER.hash(PASSWORD);

        assertThat(HASHER.verify(PASSWORD, encoded)).isTrue();
        assertThat(HASHER.verify(Secret.of("hunter3"), encoded)).isFalse();
        assertThat(HASHER.verify(Secret.of(""), encoded)).isFalse();
    }

    @Test
    void hash_nonAsciiPassword_roundTripsAsUtf8() {
        Secret password = Secret.of("pässwörd-密码-🔑");

        assertThat(HASHER.verify(password, HASHER.hash(password))).isTrue();
        assertThat(HASHER.verify(Secret.of("passwörd-密码-🔑"), HASHER.hash(password))).isFalse();
    }

    @Test
    void hash_defaultShape_isPhcStringWithParametersAndUnpaddedBase64() {
        String encoded = HASHER.hash(PASSWORD);

        assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void hash_samePasswordTwice_usesDifferentSalts() {
        assertThat(HASHER.hash(PASSWORD)).isNotEqualTo(HASHER.hash(PASSWORD));
    }

    @Test
    void verify_tamperedHashSaltOrCost_returnsFalse() {
        String encoded = HASHER.hash(PASSWORD);
        String[] parts = encoded.split("\\$");

        assertThat(HASHER.verify(PASSWORD, encoded.replace("t=1", "t=2"))).isFalse();
        assertThat(HASHER.verify(PASSWORD, encoded.replace("m=64", "m=72"))).isFalse();
        assertThat(HASHER.verify(PASSWORD, encoded.replace(parts[4], flipFirst(parts[4])))).isFalse();
        assertThat(HASHER.verify(PASSWORD, encoded.replace(parts[5], flipFirst(parts[5])))).isFalse();
    }

    @Test
    void verify_nonCanonicalBase64Tail_returnsFalse() {
        String reference = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
        // '5' and '4' decode to the same byte here (the last two bits are unused), so only strictness rejects it.
        String sameBytes = reference.substring(0, reference.length() - 1) + "5";

        assertThat(HASHER.verify(Secret.of("password"), sameBytes)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "$", "argon2id", "$argon2id$", "$argon2id$$", "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=019$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=-256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=99999999999999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=0$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=8,t=2,p=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQM",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4=",
        "$argon2id$v=19$m=256,t=2,p=1$c29t-XNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/",
    })
    void verify_malformedOrOutOfLimits_returnsFalseWithoutThrowing(String encoded) {
        assertThat(HASHER.verify(Secret.of("password"), encoded)).isFalse();
    }

    @Test
    void canVerify_argon2idPrefix_trueOnlyForArgon2id() {
        assertThat(HASHER.canVerify("$argon2id$v=19$anything")).isTrue();
        assertThat(HASHER.canVerify("$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$x")).isFalse();
        assertThat(HASHER.canVerify("$pbkdf2-sha256$i=1$x$y")).isFalse();
        assertThat(HASHER.canVerify(null)).isFalse();
    }

    @Test
    void needsRehash_weakerEqualOrStrongerParameters_trueOnlyWhenWeaker() {
        Argon2idHasher strong = new Argon2idHasher(Argon2idHasher.Parameters.forTests().withMemoryKib(128),
                Fixtures.seededRandom(4));
        Argon2idHasher stronger = new Argon2idHasher(Argon2idHasher.Parameters.forTests().withIterations(2),
                Fixtures.seededRandom(5));
        String encoded = strong.hash(PASSWORD);

        assertThat(strong.needsRehash(encoded)).isFalse();
        assertThat(HASHER.needsRehash(encoded)).isFalse();
        assertThat(stronger.needsRehash(encoded)).isTrue();
        assertThat(strong.needsRehash(HASHER.hash(PASSWORD))).isTrue();
    }

    @Test
    void needsRehash_malformedOrOtherAlgorithm_returnsTrue() {
        assertThat(HASHER.needsRehash("$argon2id$garbage")).isTrue();
        assertThat(HASHER.needsRehash("$pbkdf2-sha256$i=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA")).isTrue();
    }

    @Test
    void defaults_areOwaspMinimum() {
        assertThat(Argon2idHasher.Parameters.defaults())
                .isEqualTo(new Argon2idHasher.Parameters(19_456, 2, 1, 16, 32));
        assertThat(Argon2idHasher.withDefaults().parameters()).isEqualTo(Argon2idHasher.Parameters.defaults());
    }

    @Test
    void parameters_outOfRange_throwNamingTheValue() {
        assertThatThrownBy(() -> new Argon2idHasher.Parameters(4, 1, 1, 16, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 4");
        assertThatThrownBy(() -> new Argon2idHasher.Parameters(64, 0, 1, 16, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2idHasher.Parameters(64, 1, 0, 16, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> new Argon2idHasher.Parameters(64, 1, 1, 4, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("salt");
    }

    @Test
    void toString_ofParameters_containsNoSecrets() {
        assertThat(HASHER.hash(PASSWORD)).doesNotContain("hunter2");
        assertThat(new String(HASHER.hash(PASSWORD).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .startsWith("$argon2id$");
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static String flipFirst(String base64) {
        char first = base64.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64.substring(1);
    }
}
