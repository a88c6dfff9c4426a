package dev.flowstage.spi;

import dev.flowstage.api.AuthenticatorDevice;
import java.util.List;
import java.util.Optional;

/**
 * Persists users' authenticator devices. Thread-safe; {@link #replace} is atomic, which is what
 * makes static codes single-use and TOTP codes unreplayable under concurrent submits.
 */
public interface DeviceStore {

    /** Returns the devices of user {@code userId}, oldest first. */
    List<AuthenticatorDevice> findByUser(String userId);

    /** Returns the device with {@code id}, if any. */
    Optional<AuthenticatorDevice> find(String id);

    /**
     * Stores a new device.
     *
     * @throws IllegalStateException when a device with the same id exists
     */
    void insert(AuthenticatorDevice device);

    /**
     * Replaces the stored device with {@code device} if the stored version equals
     * {@code expectedVersion}; returns whether it did.
     */
    boolean replace(AuthenticatorDevice device, long expectedVersion);

    /** Deletes the device with {@code id}; no-op when absent. */
    void delete(String id);
}
