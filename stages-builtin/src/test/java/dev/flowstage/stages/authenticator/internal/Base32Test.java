package dev.flowstage.stages.authenticator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Base32Test {
    /** RFC 4648 §10, without the padding that otpauth URIs omit. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(value = {"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI"})
    void encode_rfc4648Vectors_matchWithoutPadding(String plain, String encoded) {
        assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(Base32.decode(encoded.toLowerCase() + "===")).isEqualTo(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void decode_characterOutsideTheAlphabet_throws() {
        assertThatThrownBy(() -> Base32.decode("MZ1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void decode_ofEncode_isIdentity(@ForAll byte[] bytes) {
        assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
    }
}
