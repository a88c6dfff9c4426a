package dev.flowstage.samples.host;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves {@code /static/...} from the classpath folder {@code web/static}: the flow page's script
 * and styles, logos and the default avatar. Only names of lower-case letters, digits and
 * {@code -_./} with a known extension are served; anything else is 404.
 */
final class StaticHandler implements HttpHandler {
    static final String PATH_PREFIX = "/static/";
    private static final Pattern NAME = Pattern.compile("/static/(?:[a-z0-9_-]+/)*[a-z0-9_-]+\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Routes.methodNotAllowed(exchange, "GET, HEAD");
            return;
        }
        Optional<byte[]> body = NAME.matcher(path).matches() ? resource(path) : Optional.empty();
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        if (body.isEmpty() || type == null) {
            HttpAnswers.detail(exchange, 404, "Not found.");
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-cache");
        headers.set("X-Content-Type-Options", "nosniff");
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.get().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.get());
        }
    }

    private static Optional<byte[]> resource(String path) throws IOException {
        try (InputStream in = StaticHandler.class.getResourceAsStream("/web" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
