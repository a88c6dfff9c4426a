package dev.flowstage.spi;

import dev.flowstage.api.UserConsent;
import java.util.Optional;

/**
 * Persists users' consents to applications, at most one per user and application. The consent
 * stage looks it up as a service ({@code FlowEngineBuilder#service(ConsentStore.class, store)}).
 *
 * <p>Implementations are thread-safe; {@link #save} replaces atomically, so a concurrent
 * {@link #find} sees the old or the new consent, never a mix.
 */
public interface ConsentStore {

    /**
     * Returns the consent of user {@code userId} to {@code application}, if one is stored. It may
     * have expired: callers check {@link UserConsent#expiredAt}.
     */
    Optional<UserConsent> find(String userId, String application);

    /** Stores {@code consent}, replacing any consent of the same user to the same application. */
    void save(UserConsent consent);

    /** Deletes the consent of user {@code userId} to {@code application}; a no-op when there is none. */
    void delete(String userId, String application);
}
