package dev.flowstage.stages.authenticator.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B: the reference seeds are the ASCII digits repeated to the hash length. */
class TotpTest {
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
        "SHA1, 59, 94287082", "SHA256, 59, 46119246", "SHA512, 59, 90693936",
        "SHA1, 1111111109, 07081804", "SHA256, 1111111109, 68084774", "SHA512, 1111111109, 25091201",
        "SHA1, 1111111111, 14050471", "SHA256, 1111111111, 67062674", "SHA512, 1111111111, 99943326",
        "SHA1, 1234567890, 89005924", "SHA256, 1234567890, 91819424", "SHA512, 1234567890, 93441116",
        "SHA1, 2000000000, 69279037", "SHA256, 2000000000, 90698825", "SHA512, 2000000000, 38618901",
        "SHA1, 20000000000, 65353130", "SHA256, 20000000000, 77737706", "SHA512, 20000000000, 47863826",
    })
    void code_rfc6238AppendixB_matchesEveryTestVector(TotpAlgorithm algorithm, long seconds, String expected) {
        Totp totp = new Totp(algorithm, 8, 30);

        assertThat(totp.code(seed(algorithm), totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(expected);
    }

    @Test
    void code_sixDigits_isTheLastSixDigitsOfTheEightDigitValue() {
        Totp totp = new Totp(TotpAlgorithm.SHA1, 6, 30);

        assertThat(totp.code(SEED_SHA1, totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void match_withinTolerance_returnsTheMatchingStep() {
        Totp totp = new Totp(TotpAlgorithm.SHA1, 6, 30);
        String previous = totp.code(SEED_SHA1, 99);

        assertThat(totp.match(SEED_SHA1, previous, 100, 1, Long.MIN_VALUE)).isEqualTo(OptionalLong.of(99));
        assertThat(totp.match(SEED_SHA1, previous, 101, 1, Long.MIN_VALUE)).isEmpty();
        assertThat(totp.match(SEED_SHA1, previous, 100, 0, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void match_stepAtOrBeforeTheLastUsedOne_isRefused() {
        Totp totp = new Totp(TotpAlgorithm.SHA1, 6, 30);
        String current = totp.code(SEED_SHA1, 100);

        assertThat(totp.match(SEED_SHA1, current, 100, 1, 100)).isEmpty();
        assertThat(totp.match(SEED_SHA1, current, 100, 1, 99)).isEqualTo(OptionalLong.of(100));
    }

    @Test
    void constructor_badDigitsOrPeriod_throwsNamingTheValue() {
        assertThatThrownBy(() -> new Totp(TotpAlgorithm.SHA1, 5, 30)).hasMessageContaining("got 5");
        assertThatThrownBy(() -> new Totp(TotpAlgorithm.SHA1, 6, 0)).hasMessageContaining("got 0");
    }

    @Test
    void step_negativeEpochSeconds_roundsDown() {
        assertThat(new Totp(TotpAlgorithm.SHA1, 6, 30).step(Instant.ofEpochSecond(-1))).isEqualTo(-1);
    }

    private static byte[] seed(TotpAlgorithm algorithm) {
        switch (algorithm) {
            case SHA1: return SEED_SHA1;
            case SHA256: return SEED_SHA256;
            case SHA512: return SEED_SHA512;
            default: throw new AssertionError("unhandled " + algorithm);
        }
    }
}
