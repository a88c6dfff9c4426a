package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flowstage.api.RedirectTargets;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serves authentik's {@code GET /flows/-/default/authentication/}, {@code .../invalidation/} and
 * {@code .../recovery/}: redirects to the flow page of the brand's flow for that role (or the first
 * flow of its designation), passing the query on. A signed-in visitor asking for authentication
 * goes straight to the query's {@code next} when it is safe, else to {@code /if/user/}.
 */
final class DefaultFlowHandler implements HttpHandler {
    static final String PATH_PREFIX = "/flows/-/default/";
    private static final Map<String, Brand.Role> ROLES = Map.of(
            "authentication", Brand.Role.AUTHENTICATION,
            "invalidation", Brand.Role.INVALIDATION,
            "recovery", Brand.Role.RECOVERY);

    private final HostServices host;

    DefaultFlowHandler(HostServices host) {
        this.host = host;
    }

    /** Returns the path that starts the brand's flow for {@code role} ({@code authentication}, ...). */
    static String path(String role) {
        return PATH_PREFIX + role + "/";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(PATH_PREFIX.length());
        Brand.Role role = rest.endsWith("/") ? ROLES.get(rest.substring(0, rest.length() - 1)) : null;
        if (role == null) {
            HttpAnswers.detail(exchange, 404, "Not found.");
        } else if (!exchange.getRequestMethod().equals("GET")) {
            Routes.methodNotAllowed(exchange, "GET");
        } else if (role == Brand.Role.AUTHENTICATION && host.visitor(exchange).isPresent()) {
            String next = HttpBodies.queryParameter(exchange.getRequestURI(), "next").orElse(null);
            HttpAnswers.redirect(exchange, RedirectTargets.orElse(next, Set.of(), UserInterfaceHandler.PATH));
        } else {
            redirectToFlow(exchange, role);
        }
    }

    private void redirectToFlow(HttpExchange exchange, Brand.Role role) throws IOException {
        Optional<String> slug = Brands.flow(host.brand(exchange), role, host.engine);
        if (slug.isEmpty()) {
            HttpAnswers.detail(exchange, 404, "No Flow matches the given query.");
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        HttpAnswers.redirect(exchange, FlowInterfaceHandler.path(slug.get()) + (query == null ? "" : "?" + query));
    }
}
