package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves {@code GET /if/flow/{slug}/}, the flow page: an HTML shell with the brand's title, logo
 * and favicon whose script ({@code /static/flowstage/flow.js}) runs the flow through the executor
 * API with {@code query=window.location.search.substring(1)}, as authentik's flow interface does.
 * An unknown slug is a 404 page; a path without its trailing slash is redirected to it.
 */
final class FlowInterfaceHandler implements HttpHandler {
    static final String PATH_PREFIX = "/if/flow/";
    private static final Pattern PATH = Pattern.compile("/if/flow/([a-z0-9_-]+)(/?)");

    private final HostServices host;

    FlowInterfaceHandler(HostServices host) {
        this.host = host;
    }

    /** Returns the flow page's path for {@code slug}. */
    static String path(String slug) {
        return PATH_PREFIX + slug + "/";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Routes.methodNotAllowed(exchange, "GET, HEAD");
        } else if (!path.matches() || !host.engine.flowSlugs().contains(path.group(1))) {
            Brand brand = host.brand(exchange);
            Html.send(exchange, 404, Html.page(brand, "Not found", "message-page", "", Html.messageCard("Not found",
                    "No flow matches this address.", "/", "Go to the start page")));
        } else if (path.group(2).isEmpty()) {
            String query = exchange.getRequestURI().getRawQuery();
            HttpAnswers.redirect(exchange, path(path.group(1)) + (query == null ? "" : "?" + query));
        } else {
            Html.send(exchange, 200, shell(host.brand(exchange), path.group(1)));
        }
    }

    private static String shell(Brand brand, String slug) {
        String main = "<section class=\"card flow-card\" aria-labelledby=\"flow-title\">"
                + "<div id=\"flow-root\" data-slug=\"" + Html.escape(slug) + "\" data-brand=\"" + Html.escape(brand.title())
                + "\"><h1 id=\"flow-title\" tabindex=\"-1\">" + Html.escape(brand.title()) + "</h1>"
                + "<p class=\"loading\" role=\"status\">Loading…</p></div>"
                + "<noscript><div class=\"alert alert-error\" role=\"alert\"><p>This page needs JavaScript. "
                + "Turn it on and reload the page.</p></div></noscript></section>";
        return Html.page(brand, "", "flow-page", "", main,
                "<script src=\"/static/flowstage/flow.js\" defer></script>");
    }
}
