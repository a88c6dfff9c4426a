package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flowstage.api.RequestInfo;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens applications. {@code GET /application/launch/{slug}/} checks the application's bindings
 * for the signed-in user (access denied, 403, when they do not pass), runs its authorization flow
 * once per session when it has one, then redirects to its launch URL. {@code GET /app/{slug}/} is
 * the demo's stand-in for the application itself: it checks the same and greets the user.
 * Visitors who are not signed in are sent to the brand's authentication flow first.
 */
final class ApplicationHandler implements HttpHandler {
    static final String LAUNCH_PREFIX = "/application/launch/";
    static final String APP_PREFIX = "/app/";
    static final String DENIED = "You do not have access to this application.";
    private static final Pattern LAUNCH = Pattern.compile("/application/launch/([a-z0-9_-]+)/");
    private static final Pattern APP = Pattern.compile("/app/([a-z0-9_-]+)/");

    private final HostServices host;

    ApplicationHandler(HostServices host) {
        this.host = host;
    }

    /** Returns the path that opens application {@code slug}. */
    static String launchPath(String slug) {
        return LAUNCH_PREFIX + slug + "/";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher launch = LAUNCH.matcher(path);
        Matcher app = APP.matcher(path);
        boolean isLaunch = launch.matches();
        Optional<Application> application = isLaunch ? host.applications.find(launch.group(1))
                : app.matches() ? host.applications.find(app.group(1)) : Optional.empty();
        if (application.isEmpty()) {
            Html.send(exchange, 404, Html.page(host.brand(exchange), "Not found", "message-page", "",
                    Html.messageCard("Not found", "No application matches this address.", UserInterfaceHandler.PATH,
                            "My applications")));
        } else if (!exchange.getRequestMethod().equals("GET")) {
            Routes.methodNotAllowed(exchange, "GET");
        } else {
            open(exchange, application.get(), isLaunch);
        }
    }

    private void open(HttpExchange exchange, Application app, boolean isLaunch) throws IOException {
        Optional<HostServices.Visitor> visitor = host.visitor(exchange);
        if (visitor.isEmpty()) {
            HttpAnswers.redirect(exchange, DefaultFlowHandler.path("authentication") + "?next="
                    + URLEncoder.encode(launchPath(app.slug()), StandardCharsets.UTF_8));
            return;
        }
        RequestInfo request = Routes.requestInfo(exchange, host.sessions);
        if (!host.applications.canOpen(app, visitor.get().user(), request)) {
            denied(exchange, app);
        } else if (needsAuthorization(app, visitor.get())) {
            startAuthorization(exchange, app, visitor.get());
        } else if (isLaunch) {
            HttpAnswers.redirect(exchange, app.launchUrl());
        } else {
            greet(exchange, app, visitor.get());
        }
    }

    private static boolean needsAuthorization(Application app, HostServices.Visitor visitor) {
        return app.authorization().isPresent() && !visitor.session().authorizedApplications().contains(app.slug());
    }

    /** Notes the pending authorization and runs the flow; its completion brings the browser back here. */
    private void startAuthorization(HttpExchange exchange, Application app, HostServices.Visitor visitor) throws IOException {
        host.sessions.beginAuthorization(visitor.sessionKey(), app.slug());
        String query = "next=" + URLEncoder.encode(launchPath(app.slug()), StandardCharsets.UTF_8) + "&application="
                + app.slug();
        HttpAnswers.redirect(exchange, FlowInterfaceHandler.path(app.authorization().get()) + "?" + query);
    }

    private void denied(HttpExchange exchange, Application app) throws IOException {
        Html.send(exchange, 403, Html.page(host.brand(exchange), "Permission denied", "message-page",
                UserInterfaceHandler.nav(""), Html.messageCard("Permission denied", DENIED + " (" + app.name() + ")",
                        UserInterfaceHandler.PATH, "My applications")));
    }

    private void greet(HttpExchange exchange, Application app, HostServices.Visitor visitor) throws IOException {
        String main = "<section class=\"card wide\" aria-labelledby=\"app-title\"><h1 id=\"app-title\">"
                + Html.escape(app.name()) + "</h1><p class=\"lead\">Welcome, " + Html.escape(visitor.user().username())
                + ". You opened " + Html.escape(app.name()) + ".</p><p>" + Html.escape(app.description()) + "</p>"
                + "<p><a class=\"button\" href=\"" + UserInterfaceHandler.PATH + "\">Back to my applications</a></p></section>";
        Html.send(exchange, 200, Html.page(host.brand(exchange), app.name(), "user-page", UserInterfaceHandler.nav(""), main));
    }
}
