package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.flowstage.api.RequestInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's URL map, and the request reading and error answers its handlers share. */
final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private Routes() {}

    /**
     * Mounts the executor API, the cancel and default-flow redirects, the current-user and brand
     * APIs, the flow, user, application and outbox pages and the static files on {@code server};
     * {@code /} redirects to the user page, and every other path answers 404.
     */
    static void install(HttpServer server, HostServices host, ExecutorHandler executor, CancelHandler cancel) {
        server.createContext(ExecutorHandler.PATH_PREFIX, guard(executor));
        server.createContext(CancelHandler.PATH, guard(cancel));
        server.createContext(DefaultFlowHandler.PATH_PREFIX, guard(new DefaultFlowHandler(host)));
        server.createContext(MeHandler.PATH, guard(new MeHandler(host.sessions, host.users)));
        server.createContext(BrandHandler.PATH, guard(new BrandHandler(host)));
        server.createContext(FlowInterfaceHandler.PATH_PREFIX, guard(new FlowInterfaceHandler(host)));
        server.createContext(UserInterfaceHandler.PATH, guard(new UserInterfaceHandler(host)));
        ApplicationHandler applications = new ApplicationHandler(host);
        server.createContext(ApplicationHandler.LAUNCH_PREFIX, guard(applications));
        server.createContext(ApplicationHandler.APP_PREFIX, guard(applications));
        server.createContext(OutboxHandler.PATH, guard(new OutboxHandler(host)));
        server.createContext(StaticHandler.PATH_PREFIX, guard(new StaticHandler()));
        server.createContext("/", guard(Routes::root));
    }

    /** {@code GET /} goes to the user page (as authentik's root redirect); anything else unknown is 404. */
    private static void root(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/") && exchange.getRequestMethod().equals("GET")) {
            HttpAnswers.redirect(exchange, UserInterfaceHandler.PATH);
        } else {
            HttpAnswers.detail(exchange, 404, "Not found.");
        }
    }

    /**
     * Returns whether a state-changing request comes from a page of this host: its {@code Origin}
     * (or, without one, its {@code Referer}) names the host the request was sent to.
     */
    static boolean sameOrigin(HttpExchange exchange) {
        String origin = "http://" + header(exchange, "Host");
        String sent = header(exchange, "Origin");
        if (!sent.isEmpty()) {
            return sent.equals(origin);
        }
        String referer = header(exchange, "Referer");
        return !referer.isEmpty() && referer.startsWith(origin + "/");
    }

    /** Returns {@code http://<Host>} of the request when the header is a plain host[:port], else the server's address. */
    static String baseUrl(HttpExchange exchange) {
        String host = header(exchange, "Host");
        if (host.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?")) {
            return "http://" + host;
        }
        InetSocketAddress local = exchange.getLocalAddress();
        return "http://" + local.getAddress().getHostAddress() + ":" + local.getPort();
    }

    /** Returns what the engine should know about the request: client address, user agent, host, the flow's query, the signed-in user. */
    static RequestInfo requestInfo(HttpExchange exchange, Sessions sessions) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
        RequestInfo info = new RequestInfo(ip, header(exchange, "User-Agent"), header(exchange, "Host"),
                HttpBodies.flowQuery(exchange.getRequestURI()), null);
        return HttpAnswers.cookie(exchange, Sessions.AUTH_COOKIE)
                .flatMap(sessions::signedIn)
                .map(signedIn -> info.withAuthenticatedUser(signedIn.userId()))
                .orElse(info);
    }

    /** Answers 405 naming the method, with the allowed ones in {@code Allow}. */
    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        HttpAnswers.detail(exchange, 405, "Method \"" + exchange.getRequestMethod() + "\" not allowed.");
    }

    /** Answers 413 for a body over the limit. */
    static void tooLarge(HttpExchange exchange, HttpBodies.TooLarge tooLarge) throws IOException {
        if (!tooLarge.drained) {
            HttpAnswers.closeAfterwards(exchange);
        }
        HttpAnswers.detail(exchange, 413, "Request body is larger than " + HttpBodies.MAX_BODY_BYTES + " bytes.");
    }

    /** Answers 415 for a body that is neither JSON nor a form. */
    static void unsupportedMediaType(HttpExchange exchange, String contentType) throws IOException {
        String media = contentType == null ? "" : HttpBodies.mediaType(contentType);
        String shown = media.length() > 100 ? media.substring(0, 100) : media;
        HttpAnswers.detail(exchange, 415, "Unsupported media type \"" + shown + "\" in request; "
                + "send application/json or application/x-www-form-urlencoded.");
    }

    private static String header(HttpExchange exchange, String name) {
        return Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst(name), "");
    }

    /** Wraps {@code handler} so that nothing escapes it: an error becomes a 500 JSON answer (if none was sent) and is logged. */
    private static HttpHandler guard(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                answerError(exchange);
            } finally {
                exchange.close();
            }
        };
    }

    private static void answerError(HttpExchange exchange) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            HttpAnswers.detail(exchange, 500, "Internal server error.");
        } catch (IOException e) {
            LOG.debug("could not answer the error", e);
        }
    }
}
