package dev.flowstage.stages.authenticator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.Secret;
import dev.flowstage.core.InMemoryDeviceStore;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.spi.SecretSealer;
import dev.flowstage.spi.StageContext;
import dev.flowstage.stages.authenticator.AesGcmSecretSealer;
import dev.flowstage.stages.authenticator.totp.Totp;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.RepeatedTest;

/** A code submitted by many requests at once is accepted exactly once: the device store's replace is the arbiter. */
class ConcurrentConsumptionTest {
    private static final int THREADS = 8;
    private final InMemoryDeviceStore store = new InMemoryDeviceStore();
    private final SecretSealer sealer = new AesGcmSecretSealer(new byte[32], Fixtures.seededRandom(2));

    private StageContext<Object> context() {
        return TestContext.of(new Object()).withService(DeviceStore.class, store).withService(SecretSealer.class, sealer);
    }

    @RepeatedTest(5)
    void staticCode_racingSubmits_consumeItOnce() throws Exception {
        store.insert(device("static", DeviceKind.STATIC, StaticCodes.data(List.of("RacingCode0001", "OtherCode00002"))));

        long winners = race(ctx -> StaticCodes.consume(ctx, store.find("static").orElseThrow(), Secret.of("RacingCode0001")));

        assertThat(winners).isEqualTo(1);
        assertThat(StaticCodes.remaining(store.find("static").orElseThrow())).isEqualTo(1);
    }

    @RepeatedTest(5)
    void totpCode_racingSubmits_acceptItOnce() throws Exception {
        byte[] seed = new byte[20];
        Totp totp = new Totp(TotpAlgorithm.SHA1, 6, 30);
        long step = totp.step(TestContext.NOW);
        store.insert(device("totp", DeviceKind.TOTP, TotpDevices.data(sealer.seal(seed), TotpAlgorithm.SHA1, 6, 30, 1, step - 5)));
        Secret code = Secret.of(totp.code(seed, step));

        long winners = race(ctx -> TotpDevices.consume(ctx, store.find("totp").orElseThrow(), code));

        assertThat(winners).isEqualTo(1);
        assertThat(store.find("totp").orElseThrow().data()).containsEntry(TotpDevices.LAST_STEP, step);
    }

    private long race(Function<StageContext<Object>, Optional<AuthenticatorDevice>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                StageContext<Object> ctx = context();
                Callable<Boolean> task = () -> {
                    start.await();
                    return attempt.apply(ctx).isPresent();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AuthenticatorDevice device(String id, DeviceKind kind, Map<String, Object> data) {
        return new AuthenticatorDevice(id, "u-alice", kind, kind.deviceClass(), true, TestContext.NOW, null, 0, data);
    }
}
