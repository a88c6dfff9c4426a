package dev.flowstage.samples.host;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The host's HTML pages: escaping, the shared page layout (brand header, optional navigation) and
 * the answer with security headers. Every value put into a page goes through {@link #escape}; pages
 * load only same-origin scripts and styles (a strict Content-Security-Policy, no inline script).
 */
final class Html {
    /** The Content-Security-Policy of every page. */
    static final String CSP = "default-src 'self'; img-src 'self' data: https:; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Html() {}

    /** Returns {@code text} safe to put in HTML text and double-quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns a whole page for {@code brand} titled {@code title}: brand header, {@code nav} (HTML, may be empty), {@code main} (HTML). */
    static String page(Brand brand, String title, String bodyClass, String nav, String main) {
        return page(brand, title, bodyClass, nav, main, "");
    }

    /** Returns a whole page as {@link #page(Brand, String, String, String, String)}, with {@code head} (HTML) added to its head. */
    static String page(Brand brand, String title, String bodyClass, String nav, String main, String head) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title.isEmpty() ? brand.title() : title + " – " + brand.title()) + "</title>"
                + "<link rel=\"icon\" href=\"" + escape(brand.favicon()) + "\">"
                + "<link rel=\"stylesheet\" href=\"/static/flowstage/flow.css\">" + head
                + "</head><body class=\"" + escape(bodyClass) + "\">"
                + "<a class=\"skip-link\" href=\"#main\">Skip to content</a>"
                + "<div class=\"page\"><header class=\"brand-header\">"
                + "<a href=\"/\" class=\"brand-home\"><img class=\"brand-logo\" src=\"" + escape(brand.logo()) + "\" alt=\"\">"
                + "<span class=\"brand-title\">" + escape(brand.title()) + "</span></a>" + nav + "</header>"
                + "<main id=\"main\" tabindex=\"-1\">" + main + "</main>"
                + "<footer class=\"page-footer\">Powered by Flowstage</footer></div></body></html>\n";
    }

    /** Returns a card with a heading, a message and a link, for errors such as 403 and 404. */
    static String messageCard(String heading, String message, String linkHref, String linkText) {
        return "<section class=\"card\" aria-labelledby=\"card-title\"><h1 id=\"card-title\">" + escape(heading) + "</h1>"
                + "<div class=\"alert alert-error\" role=\"alert\"><p>" + escape(message) + "</p></div>"
                + "<p><a class=\"button\" href=\"" + escape(linkHref) + "\">" + escape(linkText) + "</a></p></section>";
    }

    /** Answers {@code status} with the page {@code html}. */
    static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        securityHeaders(headers);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sets the headers every page carries: no caching, no framing, referrer only to this host (mailed links carry tokens). */
    static void securityHeaders(Headers headers) {
        headers.set("Cache-Control", "no-store");
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
    }
}
