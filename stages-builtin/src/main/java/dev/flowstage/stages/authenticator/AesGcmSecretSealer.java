package dev.flowstage.stages.authenticator;

import dev.flowstage.spi.SecretSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM under a key the host holds: a fresh random 96-bit nonce per seal,
 * a 128-bit tag, and the fixed associated data {@code flowstage-sealer-v1}. The sealed form is
 * {@code v1.<base64url(nonce || ciphertext || tag)>}.
 *
 * <p>A nonce from a 96-bit random source repeats with negligible probability below about 2^32
 * seals under one key (NIST SP 800-38D §8.3); rotate the key well before that. Thread-safe; the
 * key is copied and never printed.
 */
public final class AesGcmSecretSealer implements SecretSealer {
    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = "flowstage-sealer-v1".getBytes(StandardCharsets.US_ASCII);
    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * Creates a sealer with the 32-byte AES key {@code key} and the nonce source {@code random}.
     *
     * @throws IllegalArgumentException when the key is not 32 bytes long
     */
    public AesGcmSecretSealer(byte[] key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String seal(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, secret);
        byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    @Override
    public byte[] open(String sealed) {
        Objects.requireNonNull(sealed, "sealed");
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(sealed.startsWith(PREFIX) ? sealed.substring(PREFIX.length()) : "!");
        } catch (IllegalArgumentException e) {
            throw notSealed();
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw notSealed();
        }
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(raw, NONCE_BYTES), Arrays.copyOfRange(raw, NONCE_BYTES, raw.length));
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw notSealed();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException notSealed() {
        return new IllegalArgumentException("the value was not sealed with this key or was altered");
    }

    /** Returns a description without the key. */
    @Override
    public String toString() {
        return "AesGcmSecretSealer[key=[redacted]]";
    }
}
