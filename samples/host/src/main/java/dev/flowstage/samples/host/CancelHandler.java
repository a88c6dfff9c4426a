package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowException;
import dev.flowstage.api.RedirectTargets;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /flows/-/cancel/?next=...} (the {@code cancel_url} of every challenge's
 * {@code flow_info}): cancels the flow session's execution and redirects to {@code next} when it is
 * a relative path on this host, else to {@code /}. authentik redirects to its invalidation (logout)
 * flow when {@code next} is missing; this host does not.
 */
final class CancelHandler implements HttpHandler {
    static final String PATH = "/flows/-/cancel/";
    private static final Logger LOG = LoggerFactory.getLogger(CancelHandler.class);

    private final FlowEngine engine;
    private final Sessions sessions;

    CancelHandler(FlowEngine engine, Sessions sessions) {
        this.engine = engine;
        this.sessions = sessions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            HttpAnswers.detail(exchange, 404, "Not found.");
        } else if (!exchange.getRequestMethod().equals("GET")) {
            Routes.methodNotAllowed(exchange, "GET");
        } else {
            cancel(exchange);
            String next = HttpBodies.queryParameter(exchange.getRequestURI(), "next").orElse(null);
            HttpAnswers.redirect(exchange, RedirectTargets.orElse(next, Set.of(), "/"));
        }
    }

    private void cancel(HttpExchange exchange) {
        HttpAnswers.cookie(exchange, Sessions.FLOW_COOKIE).flatMap(sessions::flow).ifPresent(session -> {
            try {
                engine.cancel(session.executionId());
            } catch (FlowException e) {
                LOG.debug("execution of flow '{}' could not be cancelled: {}", session.slug(), e.getMessage());
            }
        });
    }
}
