package dev.flowstage.spi;

/**
 * Seals secrets that must be read back (TOTP seeds) for storage, with authenticated encryption
 * under a key the host holds. Thread-safe.
 */
public interface SecretSealer {

    /** Returns {@code secret} sealed as a printable string. */
    String seal(byte[] secret);

    /**
     * Returns the secret sealed in {@code sealed}.
     *
     * @throws IllegalArgumentException when the value was not sealed with this key or was altered
     */
    byte[] open(String sealed);
}
