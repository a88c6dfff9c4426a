package dev.flowstage.stages.authenticator.internal;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.User;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.spi.StageContext;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Creates, lists and atomically updates authenticator devices through the {@link DeviceStore} service. */
public final class Devices {
    private static final int MAX_RETRIES = 3;

    private Devices() {}

    /** Returns the engine's {@link DeviceStore} service (throws naming it when none is registered). */
    public static DeviceStore store(StageContext<?> ctx) {
        return ctx.service(DeviceStore.class);
    }

    /** Returns a random (version 4) UUID drawn from the engine's random source. */
    public static String randomId(StageContext<?> ctx) {
        byte[] bytes = new byte[16];
        ctx.random().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    /** Stores a new confirmed device of {@code kind} for {@code user} with id {@code id} and returns it. */
    public static AuthenticatorDevice insert(StageContext<?> ctx, String id, User user, DeviceKind kind, String name,
            Map<String, Object> data) {
        AuthenticatorDevice device = new AuthenticatorDevice(id, user.id(), kind, name, true, ctx.clock().instant(),
                null, 0, data);
        store(ctx).insert(device);
        return device;
    }

    /** Returns {@code user}'s confirmed devices of the kinds in {@code kinds}, oldest first. */
    public static List<AuthenticatorDevice> confirmed(StageContext<?> ctx, User user, Set<DeviceKind> kinds) {
        return store(ctx).findByUser(user.id()).stream()
                .filter(device -> device.confirmed() && kinds.contains(device.kind()) && device.userId().equals(user.id()))
                .toList();
    }

    /**
     * Atomically applies {@code change} to the stored device {@code id}: reads it, lets
     * {@code change} compute the new data (or refuse with null), and replaces it if nobody wrote
     * in between, retrying on a concurrent write. Returns the stored result, or empty when the
     * device is gone or {@code change} refused.
     */
    public static Optional<AuthenticatorDevice> update(StageContext<?> ctx, String id,
            UnaryOperator<AuthenticatorDevice> change) {
        DeviceStore store = store(ctx);
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Optional<AuthenticatorDevice> current = store.find(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            AuthenticatorDevice next = change.apply(current.get());
            if (next == null) {
                return Optional.empty();
            }
            if (store.replace(next, current.get().version())) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    /** Returns the number stored under {@code key} in {@code data} as a long, or {@code fallback}. */
    public static long longValue(Map<String, Object> data, String key, long fallback) {
        Object value = data.get(key);
        return value instanceof Number number ? number.longValue() : fallback;
    }

    /** Returns the string stored under {@code key} in {@code data}, or empty string. */
    public static String string(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value instanceof String string ? string : "";
    }
}
