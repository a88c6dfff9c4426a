package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * What the host's page handlers share: the engine, the sessions, the users, brands, applications,
 * the mail server and the configuration, plus the look-ups every page needs (the request's brand,
 * the signed-in user). Thread-safe.
 */
final class HostServices {
    /** A signed-in visitor: the session cookie value, the session, and the user. */
    record Visitor(String sessionKey, Sessions.SignedIn session, User user) {}

    final HostConfiguration configuration;
    final FlowEngine engine;
    final Brands brands;
    final Sessions sessions;
    final DemoUsers users;
    final Applications applications;
    final MailServer mail;
    final Clock clock;
    final SecureRandom random;

    HostServices(HostConfiguration configuration, FlowEngine engine, Brands brands, Sessions sessions,
            Applications applications, MailServer mail, Clock clock, SecureRandom random) {
        this.configuration = configuration;
        this.engine = engine;
        this.brands = brands;
        this.sessions = sessions;
        this.users = new DemoUsers(configuration.users());
        this.applications = applications;
        this.mail = mail;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Learns from a completed flow: the terms a user accepted, and, when the flow is the
     * authorization flow of the application the signed-in session is opening, that it may open now.
     */
    void completed(String slug, FlowResult.Completed done, Optional<String> signedInKey) {
        users.completed(done);
        signedInKey.ifPresent(key -> sessions.signedIn(key)
                .map(Sessions.SignedIn::pendingAuthorization)
                .flatMap(applications::find)
                .filter(app -> app.authorization().filter(slug::equals).isPresent())
                .ifPresent(app -> sessions.completeAuthorization(key, app.slug())));
    }

    /** Returns the brand of the request's {@code Host}. */
    Brand brand(HttpExchange exchange) {
        return brands.forHost(exchange.getRequestHeaders().getFirst("Host"));
    }

    /** Returns the signed-in visitor, if the request carries a live session of an existing, active user. */
    Optional<Visitor> visitor(HttpExchange exchange) {
        Optional<String> key = HttpAnswers.cookie(exchange, Sessions.AUTH_COOKIE);
        Optional<Sessions.SignedIn> session = key.flatMap(sessions::signedIn);
        Optional<User> user = session.flatMap(found -> users.find(found.userId())).filter(User::active);
        return user.map(found -> new Visitor(key.get(), session.get(), found));
    }
}
