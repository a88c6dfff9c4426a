package dev.flowstage.stages.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.stages.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {
    private static final byte[] KEY = new byte[32];
    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(KEY, Fixtures.seededRandom(3));

    @Test
    void open_ofSeal_returnsTheSecret() {
        byte[] secret = "seed bytes".getBytes(StandardCharsets.UTF_8);

        assertThat(sealer.open(sealer.seal(secret))).isEqualTo(secret);
    }

    @Test
    void seal_sameSecretTwice_differsByNonceAndHidesThePlaintext() {
        byte[] secret = "seed bytes".getBytes(StandardCharsets.UTF_8);
        String first = sealer.seal(secret);

        assertThat(first).isNotEqualTo(sealer.seal(secret)).startsWith("v1.").doesNotContain("seed");
        assertThat(Base64.getUrlDecoder().decode(first.substring(3))).hasSize(12 + secret.length + 16);
    }

    @Test
    void open_alteredValue_throws() {
        String sealed = sealer.seal(new byte[] {1, 2, 3});
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> sealer.open(altered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value was not sealed with this key or was altered");
        assertThatThrownBy(() -> sealer.open("v1.@@")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open("plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open("v1.AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void open_sealedUnderAnotherKey_throws() {
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        String sealed = new AesGcmSecretSealer(other, Fixtures.seededRandom(4)).seal(new byte[] {1});

        assertThatThrownBy(() -> sealer.open(sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_keyOfWrongLength_throwsNamingTheLength() {
        assertThatThrownBy(() -> new AesGcmSecretSealer(new byte[16], Fixtures.seededRandom(1)))
                .hasMessage("an AES-256 key has 32 bytes, got 16");
    }

    @Test
    void toString_neverShowsTheKey() {
        assertThat(sealer).hasToString("AesGcmSecretSealer[key=[redacted]]");
    }
}
