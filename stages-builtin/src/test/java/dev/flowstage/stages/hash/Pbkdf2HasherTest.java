package dev.flowstage.stages.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.Secret;
import dev.flowstage.stages.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2HasherTest {
    private static final Pbkdf2Hasher HASHER = new Pbkdf2Hasher(Pbkdf2Hasher.Parameters.forTests(), Fixtures.seededRandom(9));
    private static final Secret PASSWORD = Secret.of("hunter2");

    @Test
    void derive_rfc7914Section11Vector_producesPublishedKey() {
        byte[] key = Pbkdf2Hasher.derive("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1, 64);

        assertThat(HexFormat.of().formatHex(key)).isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    }

    @Test
    void hash_thenVerify_roundTrips() {
        String encoded = HASHER.hash(PASSWORD);

        assertThat(HASHER.verify(PASSWORD, encoded)).isTrue();
        assertThat(HASHER.verify(Secret.of("hunter3"), encoded)).isFalse();
    }

    @Test
    void hash_emptyAndNonAsciiPasswords_roundTrip() {
        Secret empty = Secret.of("");
        Secret unicode = Secret.of("pässwörd-密码");

        assertThat(HASHER.verify(empty, HASHER.hash(empty))).isTrue();
        assertThat(HASHER.verify(unicode, HASHER.hash(unicode))).isTrue();
    }

    @Test
    void hash_shape_isPhcStyleWithIterations() {
        assertThat(HASHER.hash(PASSWORD)).matches("\\$pbkdf2-sha256\\$i=1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verify_tamperedIterationsOrHash_returnsFalse() {
        String encoded = HASHER.hash(PASSWORD);
        String[] parts = encoded.split("\\$");

        assertThat(HASHER.verify(PASSWORD, encoded.replace("i=1000", "i=1001"))).isFalse();
        assertThat(HASHER.verify(PASSWORD, encoded.replace(parts[4], Argon2idHasherTest.flipFirst(parts[4])))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "$pbkdf2-sha256$", "$pbkdf2-sha256$i=1000$c2FsdHNhbHQ", "$pbkdf2-sha256$1000$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=0$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA", "$pbkdf2-sha256$i=99999999$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=1000$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA", "$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$AAAA",
        "$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA==", "$pbkdf2-sha512$i=1000$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$i=1000$c2Fs.HNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
    })
    void verify_malformedOrOutOfLimits_returnsFalseWithoutThrowing(String encoded) {
        assertThat(HASHER.verify(PASSWORD, encoded)).isFalse();
    }

    @Test
    void needsRehash_fewerIterations_returnsTrue() {
        Pbkdf2Hasher stronger = new Pbkdf2Hasher(Pbkdf2Hasher.Parameters.forTests().withIterations(2_000),
                Fixtures.seededRandom(10));
        String encoded = HASHER.hash(PASSWORD);

        assertThat(HASHER.needsRehash(encoded)).isFalse();
        assertThat(stronger.needsRehash(encoded)).isTrue();
        assertThat(HASHER.needsRehash(stronger.hash(PASSWORD))).isFalse();
        assertThat(HASHER.needsRehash("$pbkdf2-sha256$bad")).isTrue();
    }

    @Test
    void parameters_outOfRange_throwNamingTheValue() {
        assertThatThrownBy(() -> new Pbkdf2Hasher.Parameters(0, 16, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThat(Pbkdf2Hasher.Parameters.defaults().iterations()).isEqualTo(600_000);
    }
}
