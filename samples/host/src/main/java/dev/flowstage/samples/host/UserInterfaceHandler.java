package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.samples.journeys.Journeys;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.stages.invitation.Invitations;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signed-in user's pages: {@code /if/user/} lists the applications the user may open (and, for
 * superusers, a form that issues an enrollment invitation), {@code /if/user/settings/} shows the
 * account with links to the user settings and password change flows. Visitors who are not signed
 * in are sent to the brand's authentication flow with {@code next} pointing back.
 */
final class UserInterfaceHandler implements HttpHandler {
    static final String PATH = "/if/user/";
    static final String SETTINGS = "/if/user/settings/";
    static final String INVITATIONS = "/if/user/invitations/";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final HostServices host;

    UserInterfaceHandler(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean known = path.equals(PATH) || path.equals(SETTINGS) || path.equals(INVITATIONS);
        if (!known) {
            HttpAnswers.detail(exchange, 404, "Not found.");
            return;
        }
        String allowed = path.equals(INVITATIONS) ? "POST" : "GET";
        if (!method.equals(allowed)) {
            Routes.methodNotAllowed(exchange, allowed);
            return;
        }
        Optional<HostServices.Visitor> visitor = host.visitor(exchange);
        if (visitor.isEmpty()) {
            String next = path.equals(INVITATIONS) ? PATH : path;
            HttpAnswers.redirect(exchange, DefaultFlowHandler.path("authentication") + "?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        } else if (path.equals(PATH)) {
            Html.send(exchange, 200, applicationsPage(exchange, visitor.get(), ""));
        } else if (path.equals(SETTINGS)) {
            Html.send(exchange, 200, settingsPage(exchange, visitor.get()));
        } else {
            invite(exchange, visitor.get());
        }
    }

    /** Returns the navigation of signed-in pages, marking {@code current}. */
    static String nav(String current) {
        return "<nav class=\"user-nav\" aria-label=\"Account\"><ul>"
                + item(PATH, "My applications", current) + item(SETTINGS, "Settings", current)
                + item(OutboxHandler.PATH, "Outbox", current)
                + item(DefaultFlowHandler.path("invalidation"), "Log out", current) + "</ul></nav>";
    }

    private static String item(String href, String text, String current) {
        String aria = href.equals(current) ? " aria-current=\"page\"" : "";
        return "<li><a href=\"" + href + "\"" + aria + ">" + Html.escape(text) + "</a></li>";
    }

    private String applicationsPage(HttpExchange exchange, HostServices.Visitor visitor, String notice) {
        User user = visitor.user();
        RequestInfo request = Routes.requestInfo(exchange, host.sessions);
        StringBuilder main = new StringBuilder("<section class=\"card wide\" aria-labelledby=\"apps-title\">")
                .append("<h1 id=\"apps-title\">My applications</h1>")
                .append("<p class=\"lead\">Signed in as <strong>").append(Html.escape(user.username())).append("</strong>.</p>");
        List<Application> apps = host.applications.openableBy(user, request);
        if (apps.isEmpty()) {
            main.append("<p>No applications are available to you.</p>");
        } else {
            main.append("<ul class=\"app-list\">");
            apps.forEach(app -> main.append(appCard(app)));
            main.append("</ul>");
        }
        main.append("</section>");
        if (user.superuser()) {
            main.append(invitationForm(notice));
        }
        return Html.page(host.brand(exchange), "My applications", "user-page", nav(PATH), main.toString());
    }

    private static String appCard(Application app) {
        return "<li class=\"app\" data-app=\"" + Html.escape(app.slug()) + "\"><a class=\"app-link\" href=\""
                + ApplicationHandler.launchPath(app.slug()) + "\"><span class=\"app-icon\" aria-hidden=\"true\">"
                + Html.escape(app.name().substring(0, 1)) + "</span><span class=\"app-name\">" + Html.escape(app.name())
                + "</span></a><p class=\"app-description\">" + Html.escape(app.description()) + "</p></li>";
    }

    private static String invitationForm(String notice) {
        return "<section class=\"card wide\" aria-labelledby=\"invite-title\"><h2 id=\"invite-title\">Invite someone</h2>"
                + notice
                + "<form method=\"post\" action=\"" + INVITATIONS + "\" class=\"form\">"
                + "<div class=\"field\"><label for=\"invite-email\">Email address</label>"
                + "<input id=\"invite-email\" name=\"email\" type=\"email\" required autocomplete=\"off\" "
                + "aria-describedby=\"invite-help\"><p id=\"invite-help\" class=\"help\">The invitation link enrolls one "
                + "account in the group " + Html.escape(Journeys.ADMINS) + " and is valid for 7 days.</p></div>"
                + "<button type=\"submit\" class=\"button primary\">Create invitation</button></form></section>";
    }

    private void invite(HttpExchange exchange, HostServices.Visitor visitor) throws IOException {
        if (!visitor.user().superuser() || !Routes.sameOrigin(exchange)) {
            Html.send(exchange, 403, Html.page(host.brand(exchange), "Permission denied", "message-page", nav(""),
                    Html.messageCard("Permission denied", "You may not issue invitations.", PATH, "Back")));
            return;
        }
        Map<String, String> form;
        try {
            form = HttpBodies.decodePairs(HttpBodies.text(HttpBodies.read(exchange)));
        } catch (HttpBodies.TooLarge e) {
            Routes.tooLarge(exchange, e);
            return;
        } catch (IllegalArgumentException e) {
            form = Map.of();
        }
        String email = form.getOrDefault("email", "").strip();
        String notice = EMAIL.matcher(email).matches() ? issued(exchange, email, visitor.user())
                : "<div class=\"alert alert-error\" role=\"alert\"><p>Enter a valid email address.</p></div>";
        Html.send(exchange, 200, applicationsPage(exchange, visitor, notice));
    }

    private String issued(HttpExchange exchange, String email, User issuer) {
        InvitationStore store = host.configuration.invitations();
        String name = "invite-" + Long.toHexString(host.random.nextLong() & Long.MAX_VALUE);
        Invitations.Issued issued = Invitations.issue(store, host.random, host.clock, name, Duration.ofDays(7), true,
                Map.of("email", email), Journeys.INVITATION_ENROLLMENT, issuer.username());
        String link = Routes.baseUrl(exchange) + FlowInterfaceHandler.path(Journeys.INVITATION_ENROLLMENT) + "?itoken="
                + URLEncoder.encode(issued.token().reveal(), StandardCharsets.UTF_8);
        return "<div class=\"alert alert-success\" role=\"status\"><p>Invitation for " + Html.escape(email)
                + " created. Send this link:</p><p><a id=\"invitation-link\" class=\"break\" href=\"" + Html.escape(link)
                + "\">" + Html.escape(link) + "</a></p></div>";
    }

    private String settingsPage(HttpExchange exchange, HostServices.Visitor visitor) {
        User user = visitor.user();
        Brand brand = host.brand(exchange);
        String back = "?next=" + URLEncoder.encode(SETTINGS, StandardCharsets.UTF_8);
        StringBuilder main = new StringBuilder("<section class=\"card wide\" aria-labelledby=\"settings-title\">")
                .append("<h1 id=\"settings-title\">Settings</h1><dl class=\"details\">")
                .append(detail("Username", user.username())).append(detail("Name", user.name()))
                .append(detail("Email", user.email()))
                .append(detail("Groups", user.groups().isEmpty() ? "none" : String.join(", ", user.groups().stream().sorted().toList())))
                .append("</dl><ul class=\"actions\">");
        Brands.flow(brand, Brand.Role.USER_SETTINGS, host.engine).ifPresent(flow -> main.append("<li><a class=\"button\" href=\"")
                .append(FlowInterfaceHandler.path(flow)).append(back).append("\">Edit your details</a></li>"));
        main.append("<li><a class=\"button\" id=\"change-password\" href=\"")
                .append(FlowInterfaceHandler.path(host.configuration.passwordChangeFlow())).append(back)
                .append("\">Change password</a></li><li><a class=\"button\" href=\"")
                .append(DefaultFlowHandler.path("invalidation")).append("\">Log out</a></li></ul></section>")
                .append(twoFactorSection(user, back));
        return Html.page(brand, "Settings", "user-page", nav(SETTINGS), main.toString());
    }

    /** Lists the user's confirmed devices and links to the set-up flows the engine serves. */
    private String twoFactorSection(User user, String back) {
        List<AuthenticatorDevice> devices = host.configuration.devices().findByUser(user.id()).stream()
                .filter(AuthenticatorDevice::confirmed).toList();
        StringBuilder section = new StringBuilder("<section class=\"card wide\" aria-labelledby=\"mfa-title\">")
                .append("<h2 id=\"mfa-title\">Two-factor authentication</h2>");
        if (devices.isEmpty()) {
            section.append("<p id=\"mfa-devices\">No second factor yet: signing in needs only your password.</p>");
        } else {
            section.append("<ul id=\"mfa-devices\" class=\"details\">");
            devices.forEach(device -> section.append("<li>").append(Html.escape(device.name())).append(" (")
                    .append(Html.escape(device.kind().deviceClass())).append(")</li>"));
            section.append("</ul>");
        }
        section.append("<ul class=\"actions\">");
        setupLink(section, DemoFlows.TOTP_SETUP, "totp-setup", "Set up an authenticator app", back);
        setupLink(section, DemoFlows.STATIC_SETUP, "static-setup", "Create recovery codes", back);
        return section.append("</ul></section>").toString();
    }

    private void setupLink(StringBuilder section, String flow, String id, String label, String back) {
        if (host.engine.flowSlugs().contains(flow)) {
            section.append("<li><a class=\"button secondary\" id=\"").append(id).append("\" href=\"")
                    .append(FlowInterfaceHandler.path(flow)).append(back).append("\">").append(label).append("</a></li>");
        }
    }

    private static String detail(String term, String value) {
        return "<dt>" + Html.escape(term) + "</dt><dd>" + Html.escape(value.isEmpty() ? "—" : value) + "</dd>";
    }
}
