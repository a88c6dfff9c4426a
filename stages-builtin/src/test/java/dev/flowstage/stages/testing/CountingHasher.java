package dev.flowstage.stages.testing;

import dev.flowstage.api.Secret;
import dev.flowstage.spi.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a hasher and counts verifications, to show that every path spends one. */
public final class CountingHasher implements PasswordHasher {
    private final PasswordHasher delegate;
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicInteger nothingVerifications = new AtomicInteger();

    /** Wraps {@code delegate}. */
    public CountingHasher(PasswordHasher delegate) {
        this.delegate = delegate;
    }

    /** Returns how many times {@link #verify} or {@link #verifyNothing} ran. */
    public int verifications() {
        return verifications.get();
    }

    /** Returns how many of those were {@link #verifyNothing}: verifications against no real hash. */
    public int nothingVerifications() {
        return nothingVerifications.get();
    }

    @Override
    public String hash(Secret password) {
        return delegate.hash(password);
    }

    @Override
    public boolean verify(Secret password, String encoded) {
        verifications.incrementAndGet();
        return delegate.verify(password, encoded);
    }

    @Override
    public boolean verifyNothing(Secret password) {
        verifications.incrementAndGet();
        nothingVerifications.incrementAndGet();
        return delegate.verifyNothing(password);
    }

    @Override
    public boolean canVerify(String encoded) {
        return delegate.canVerify(encoded);
    }
}
