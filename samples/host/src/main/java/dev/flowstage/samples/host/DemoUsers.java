package dev.flowstage.samples.host;

import dev.flowstage.api.FlowResult;
import dev.flowstage.api.Login;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.samples.terms.TermsOfServiceStage;
import dev.flowstage.spi.PasswordHasher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The demo's user store: the {@value #ADMIN} account, and what completed flows teach it. Thread-safe. */
final class DemoUsers {
    /** The demo account's username (authentik's default admin). */
    static final String ADMIN = "akadmin";

    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();

    /** Creates the store with {@value #ADMIN}, whose password is {@code password} hashed with {@code hasher}. */
    DemoUsers(PasswordHasher hasher, Secret password) {
        directory.put(new User("1", ADMIN, "akadmin@example.com", "authentik Default Admin", true, true,
                Set.of("authentik Admins"), hasher.hash(password), Map.of()));
    }

    /** Returns the directory the engine reads. */
    InMemoryUserDirectory directory() {
        return directory;
    }

    /** Returns the user with {@code id}, if any. */
    Optional<User> find(String id) {
        return directory.findById(id);
    }

    /**
     * Remembers what a completed flow established about its user: the terms version accepted, so
     * that the terms stage does not ask again.
     */
    void completed(FlowResult.Completed done) {
        Optional<String> terms = done.context().get(TermsOfServiceStage.ACCEPTED_VERSION);
        Optional<User> user = done.login().map(Login::userId).flatMap(directory::findById);
        if (terms.isPresent() && user.isPresent()) {
            directory.put(withAttribute(user.get(), TermsOfServiceStage.ACCEPTED_ATTRIBUTE, terms.get()));
        }
    }

    private static User withAttribute(User user, String name, Object value) {
        Map<String, Object> attributes = new LinkedHashMap<>(user.attributes());
        attributes.put(name, value);
        return new User(user.id(), user.username(), user.email(), user.name(), user.active(), user.superuser(),
                user.groups(), user.passwordHash(), attributes);
    }
}
