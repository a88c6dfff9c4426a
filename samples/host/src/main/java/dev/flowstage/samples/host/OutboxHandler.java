package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves {@code GET /outbox/}: every mail the embedded SMTP server received, newest first, with the
 * links in their text clickable, so that a demo user can follow a verification or recovery link.
 * A demo convenience: it shows everyone's mail to anyone who can reach the host.
 */
final class OutboxHandler implements HttpHandler {
    static final String PATH = "/outbox/";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final HostServices host;

    OutboxHandler(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            HttpAnswers.detail(exchange, 404, "Not found.");
        } else if (!exchange.getRequestMethod().equals("GET")) {
            Routes.methodNotAllowed(exchange, "GET");
        } else {
            String nav = host.visitor(exchange).isPresent() ? UserInterfaceHandler.nav(PATH) : "";
            Html.send(exchange, 200, Html.page(host.brand(exchange), "Outbox", "user-page", nav, outbox(host.mail.mails())));
        }
    }

    private String outbox(List<MailServer.Mail> mails) {
        StringBuilder main = new StringBuilder("<section class=\"card wide\" aria-labelledby=\"outbox-title\">")
                .append("<h1 id=\"outbox-title\">Outbox</h1><p class=\"lead\">Mail sent by this host to SMTP port ")
                .append(host.mail.port()).append(", newest first. <a href=\"").append(PATH).append("\">Refresh</a></p>");
        if (mails.isEmpty()) {
            main.append("<p id=\"outbox-empty\">No mail yet.</p>");
        } else {
            main.append("<ol class=\"mail-list\">");
            mails.forEach(mail -> main.append(mail(mail)));
            main.append("</ol>");
        }
        return main.append("</section>").toString();
    }

    private static String mail(MailServer.Mail mail) {
        String when = mail.receivedAt() == null ? "" : TIME.format(mail.receivedAt());
        return "<li class=\"mail\"><article aria-label=\"" + Html.escape(mail.subject()) + "\"><h2 class=\"mail-subject\">"
                + Html.escape(mail.subject()) + "</h2><dl class=\"mail-headers\"><dt>To</dt><dd class=\"mail-to\">"
                + Html.escape(mail.to()) + "</dd><dt>From</dt><dd>" + Html.escape(mail.from()) + "</dd><dt>Date</dt><dd>"
                + Html.escape(when) + "</dd></dl><pre class=\"mail-body\">" + linkify(mail.text()) + "</pre></article></li>";
    }

    /** Returns {@code text} escaped, with its http(s) links made clickable. */
    static String linkify(String text) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = LINK.matcher(text);
        int last = 0;
        while (matcher.find()) {
            out.append(Html.escape(text.substring(last, matcher.start())));
            String url = Html.escape(matcher.group());
            out.append("<a class=\"mail-link\" href=\"").append(url).append("\">").append(url).append("</a>");
            last = matcher.end();
        }
        return out.append(Html.escape(text.substring(last))).toString();
    }
}
