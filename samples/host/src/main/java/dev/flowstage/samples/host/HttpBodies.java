package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads request bodies with a size limit, classifies their content type and decodes query strings and forms. */
final class HttpBodies {
    /** The largest accepted request body: 64 KiB, the engine's default limit. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** How much of an oversized body is read and thrown away so that the client sees the 413 answer. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /** The body formats the executor accepts. */
    enum Format { JSON, FORM, EMPTY }

    /** Thrown when a body exceeds {@link #MAX_BODY_BYTES}; {@code drained} tells whether the connection can be reused. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean drained;

        TooLarge(boolean drained) {
            super("request body is larger than " + MAX_BODY_BYTES + " bytes");
            this.drained = drained;
        }
    }

    private HttpBodies() {}

    /** Returns the body, at most {@link #MAX_BODY_BYTES} bytes. */
    static byte[] read(HttpExchange exchange) throws IOException, TooLarge {
        long declared = declaredLength(exchange);
        InputStream in = exchange.getRequestBody();
        if (declared > DRAIN_LIMIT) {
            throw new TooLarge(false);
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new TooLarge(drain(in));
        }
        return body;
    }

    /** Reads and discards what is left of the body, up to a limit; returns whether it reached the end. */
    static boolean drain(InputStream in) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > DRAIN_LIMIT) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the format of a body of {@code length} bytes sent with {@code contentType}: JSON, a
     * form, or empty (no content type and no bytes); empty for any other media type.
     */
    static Optional<Format> format(String contentType, int length) {
        if (contentType == null || contentType.isBlank()) {
            return length == 0 ? Optional.of(Format.EMPTY) : Optional.empty();
        }
        String media = mediaType(contentType);
        if (media.equals("application/json")) {
            return Optional.of(Format.JSON);
        }
        return media.equals("application/x-www-form-urlencoded") ? Optional.of(Format.FORM) : Optional.empty();
    }

    /** Returns the media type of a {@code Content-Type} value, lower-case, without parameters. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return media.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Decodes {@code a=1&b=2} (form bodies and query strings); a repeated name keeps its last value.
     *
     * @throws IllegalArgumentException when a percent escape is malformed
     */
    static Map<String, String> decodePairs(String encoded) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.isEmpty()) {
                pairs.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return pairs;
    }

    /** Returns the flow's query: the decoded {@code query} parameter of {@code uri}, itself decoded as a query string. */
    static Map<String, String> flowQuery(URI uri) {
        try {
            return decodePairs(decodePairs(uri.getRawQuery()).getOrDefault("query", ""));
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** Returns the query parameter {@code name} of {@code uri}, if present and well-formed. */
    static Optional<String> queryParameter(URI uri, String name) {
        try {
            return Optional.ofNullable(decodePairs(uri.getRawQuery()).get(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Returns {@code bytes} as UTF-8 text. */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
