package dev.flowstage.stages.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Secret;
import dev.flowstage.stages.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PasswordHasherProperties {
    private static final DelegatingPasswordHasher HASHER = new DelegatingPasswordHasher(
            new Argon2idHasher(Argon2idHasher.Parameters.forTests(), Fixtures.seededRandom(21)),
            new Pbkdf2Hasher(Pbkdf2Hasher.Parameters.forTests(), Fixtures.seededRandom(22)));

    @Property(tries = 60)
    void hash_anyPassword_verifiesItAndNotAnother(@ForAll String password, @ForAll String other) {
        String encoded = HASHER.hash(Secret.of(password));

        assertThat(HASHER.verify(Secret.of(password), encoded)).isTrue();
        // lone surrogates encode to '?', so two strings match exactly when their UTF-8 bytes do
        boolean sameBytes = Arrays.equals(other.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        assertThat(HASHER.verify(Secret.of(other), encoded)).isEqualTo(sameBytes);
    }

    @Property(tries = 500)
    void verify_anyEncodedString_returnsWithoutThrowing(@ForAll("encodings") String encoded) {
        HASHER.verify(Secret.of("password"), encoded);
        HASHER.needsRehash(encoded);
    }

    @Provide
    Arbitrary<String> encodings() {
        String base = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
        Arbitrary<String> mutated = Arbitraries.integers().between(0, base.length() - 1)
                .flatMap(at -> Arbitraries.chars().ascii().map(c -> base.substring(0, at) + c + base.substring(at + 1)));
        Arbitrary<String> prefixed = Arbitraries.strings().ofMaxLength(80)
                .flatMap(tail -> Arbitraries.of("$argon2id$", "$pbkdf2-sha256$", "$", "").map(prefix -> prefix + tail));
        return Arbitraries.oneOf(mutated, prefixed, Arbitraries.strings().ofMaxLength(200));
    }
}
