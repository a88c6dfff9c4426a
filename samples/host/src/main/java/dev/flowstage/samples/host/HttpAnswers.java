package dev.flowstage.samples.host;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** Writes JSON answers, redirects and cookies. */
final class HttpAnswers {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpAnswers() {}

    /** Answers {@code status} with the JSON text {@code json}. */
    static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Answers {@code status} with {@code {"detail": message}}, the shape authentik's API uses for errors. */
    static void detail(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, toJson(Map.of("detail", message)));
    }

    /** Answers 302 to {@code location}. */
    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Asks the server to close the connection after this answer (the request body was not read to its end). */
    static void closeAfterwards(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Connection", "close");
    }

    /** Returns {@code value} as JSON text. */
    static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * Returns the value of the request cookie {@code name}, if sent; a value in double quotes
     * (allowed by RFC 6265, and sent by the JDK's {@code CookieManager}) is unquoted.
     */
    static Optional<String> cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split("[;,]")) {
                int equals = part.indexOf('=');
                if (equals > 0 && part.substring(0, equals).strip().equals(name)) {
                    return Optional.of(unquote(part.substring(equals + 1).strip()));
                }
            }
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** Sets cookie {@code name}: HttpOnly, SameSite=Lax, Path=/, and Max-Age unless {@code maxAge} is zero (a browser session). */
    static void setCookie(HttpExchange exchange, String name, String value, Duration maxAge) {
        String cookie = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
        if (!maxAge.isZero()) {
            cookie += "; Max-Age=" + maxAge.toSeconds();
        }
        exchange.getResponseHeaders().add("Set-Cookie", cookie);
    }

    /** Tells the client to drop cookie {@code name}. */
    static void clearCookie(HttpExchange exchange, String name) {
        exchange.getResponseHeaders().add("Set-Cookie", name + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    }
}
