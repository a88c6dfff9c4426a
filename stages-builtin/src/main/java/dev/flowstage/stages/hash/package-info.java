/**
 * Password hashers for the {@link dev.flowstage.spi.PasswordHasher} service: Argon2id (the
 * default), PBKDF2-HMAC-SHA256 (for FIPS-minded hosts and imported hashes), and a delegating
 * hasher that hashes with one and verifies with any.
 */
package dev.flowstage.stages.hash;
