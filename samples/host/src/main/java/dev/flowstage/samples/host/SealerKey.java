package dev.flowstage.samples.host;

import dev.flowstage.spi.SecretSealer;
import dev.flowstage.stages.authenticator.AesGcmSecretSealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The demo's sealing key: 256 random bits in {@code sealer.key} in the data folder, made on the
 * first start and readable by the owner only, so that executions holding sealed secrets survive a
 * restart. A real deployment keeps this key in its secret store.
 */
final class SealerKey {
    private static final String FILE = "sealer.key";
    private static final int KEY_BYTES = 32;

    private SealerKey() {}

    /** Returns a sealer with the key in {@code folder}, creating the key on first use. */
    static SecretSealer inFolder(Path folder) {
        SecureRandom random = new SecureRandom();
        return new AesGcmSecretSealer(key(folder.resolve(FILE), random), random);
    }

    /** Returns a sealer with a random key that lives only in this process (for in-memory stores). */
    static SecretSealer inMemory() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new AesGcmSecretSealer(key, random);
    }

    private static byte[] key(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length != KEY_BYTES) {
                    throw new IllegalStateException(file + " must hold " + KEY_BYTES + " bytes; delete it to make a new key");
                }
                return key;
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            Files.write(file, key);
            ownerOnly(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the sealing key " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }
}
