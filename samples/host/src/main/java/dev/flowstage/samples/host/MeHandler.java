package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flowstage.api.User;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code GET /api/v3/core/users/me/}: {@code {"user": {"username": ...}}} for a signed-in
 * session ({@value Sessions#AUTH_COOKIE}), else 403 as authentik's API does.
 */
final class MeHandler implements HttpHandler {
    static final String PATH = "/api/v3/core/users/me/";

    private final Sessions sessions;
    private final DemoUsers users;

    MeHandler(Sessions sessions, DemoUsers users) {
        this.sessions = sessions;
        this.users = users;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            HttpAnswers.detail(exchange, 404, "Not found.");
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            Routes.methodNotAllowed(exchange, "GET");
            return;
        }
        Optional<User> user = HttpAnswers.cookie(exchange, Sessions.AUTH_COOKIE)
                .flatMap(sessions::signedIn)
                .flatMap(signedIn -> users.find(signedIn.userId()));
        if (user.isEmpty()) {
            HttpAnswers.detail(exchange, 403, "Authentication credentials were not provided.");
            return;
        }
        HttpAnswers.json(exchange, 200, HttpAnswers.toJson(Map.of("user", describe(user.get()))));
    }

    private static Map<String, Object> describe(User user) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("username", user.username());
        shown.put("name", user.name());
        shown.put("email", user.email());
        shown.put("is_superuser", user.superuser());
        shown.put("groups", user.groups().stream().sorted().toList());
        return shown;
    }
}
