package dev.flowstage.samples.host;

import dev.flowstage.api.FlowResult;
import dev.flowstage.api.Login;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.UserDraft;
import dev.flowstage.samples.terms.TermsOfServiceStage;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.UserStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's users over any {@link UserStore}: the {@value #ADMIN} account, and what completed
 * flows teach the store. Thread-safe as the store is.
 */
final class DemoUsers {
    /** The demo account's username (authentik's default admin). */
    static final String ADMIN = "akadmin";
    /** The admin's group, as authentik names it. */
    static final String ADMINS_GROUP = "authentik Admins";

    private final UserStore store;

    DemoUsers(UserStore store) {
        this.store = store;
    }

    /**
     * Creates {@value #ADMIN} when the store has no such user: with {@code password} hashed by
     * {@code hasher}, or without a password, so that the initial-setup flow applies. An existing
     * admin gets {@code password} when one is given, and is otherwise left as it is.
     */
    void ensureAdmin(PasswordHasher hasher, Optional<Secret> password) {
        String hash = password.map(hasher::hash).orElse(null);
        Optional<User> existing = store.findByUsername(ADMIN);
        if (existing.isEmpty()) {
            store.create(new UserDraft(ADMIN, "akadmin@example.com", "authentik Default Admin", true, Set.of(ADMINS_GROUP),
                    hash, Map.of()));
            makeSuperuser();
        } else if (hash != null) {
            store.update(existing.get().withPasswordHash(hash));
        }
    }

    private void makeSuperuser() {
        store.findByUsername(ADMIN).ifPresent(admin -> store.update(admin.withSuperuser(true)));
    }

    /** Returns the store. */
    UserStore store() {
        return store;
    }

    /** Returns the user with {@code id}, if any. */
    Optional<User> find(String id) {
        return store.findById(id);
    }

    /**
     * Remembers what a completed flow established about its user: the terms version accepted, so
     * that the terms stage does not ask again.
     */
    void completed(FlowResult.Completed done) {
        Optional<String> terms = done.context().get(TermsOfServiceStage.ACCEPTED_VERSION);
        Optional<User> user = done.login().map(Login::userId).flatMap(store::findById);
        if (terms.isPresent() && user.isPresent()) {
            store.update(withAttribute(user.get(), TermsOfServiceStage.ACCEPTED_ATTRIBUTE, terms.get()));
        }
    }

    private static User withAttribute(User user, String name, Object value) {
        Map<String, Object> attributes = new LinkedHashMap<>(user.attributes());
        attributes.put(name, value);
        return new User(user.id(), user.username(), user.email(), user.name(), user.active(), user.superuser(),
                user.groups(), user.passwordHash(), attributes);
    }
}
