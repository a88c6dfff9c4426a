package dev.flowstage.core;

import dev.flowstage.api.UserConsent;
import dev.flowstage.spi.ConsentStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps consents in memory, for one process and for tests. Thread-safe; expired consents stay until replaced or deleted. */
public final class InMemoryConsentStore implements ConsentStore {
    private final Map<Key, UserConsent> consents = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryConsentStore() {}

    @Override
    public Optional<UserConsent> find(String userId, String application) {
        return Optional.ofNullable(consents.get(new Key(userId, application)));
    }

    @Override
    public void save(UserConsent consent) {
        consents.put(new Key(consent.userId(), consent.application()), consent);
    }

    @Override
    public void delete(String userId, String application) {
        consents.remove(new Key(userId, application));
    }

    private record Key(String userId, String application) {
        Key {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(application, "application");
        }
    }
}
