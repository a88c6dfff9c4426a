package dev.flowstage.core;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.spi.DeviceStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps authenticator devices in memory, for one process and for tests. Thread-safe; replaces are atomic. */
public final class InMemoryDeviceStore implements DeviceStore {
    private final Map<String, AuthenticatorDevice> devices = new ConcurrentHashMap<>();

    @Override
    public List<AuthenticatorDevice> findByUser(String userId) {
        return devices.values().stream().filter(device -> device.userId().equals(userId))
                .sorted(Comparator.comparing(AuthenticatorDevice::createdAt).thenComparing(AuthenticatorDevice::id))
                .toList();
    }

    @Override
    public Optional<AuthenticatorDevice> find(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    @Override
    public void insert(AuthenticatorDevice device) {
        if (devices.putIfAbsent(device.id(), device) != null) {
            throw new IllegalStateException("device '" + device.id() + "' already exists");
        }
    }

    @Override
    public boolean replace(AuthenticatorDevice device, long expectedVersion) {
        boolean[] replaced = {false};
        devices.computeIfPresent(device.id(), (id, stored) -> {
            if (stored.version() != expectedVersion) {
                return stored;
            }
            replaced[0] = true;
            return device;
        });
        return replaced[0];
    }

    @Override
    public void delete(String id) {
        devices.remove(id);
    }
}
