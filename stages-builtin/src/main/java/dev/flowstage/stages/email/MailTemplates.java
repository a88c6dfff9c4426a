package dev.flowstage.stages.email;

import dev.flowstage.api.MailMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders the {@link EmailTemplate}s. Placeholders are filled in one pass, so user values are never re-expanded. */
final class MailTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String CONFIRMATION_TEXT = """
            Hello {name},

            please confirm your email address by opening this link:

            {url}

            The link works once and expires at {expires} (in {lifetime}).
            If you did not create an account, you can ignore this email.
            """;
    private static final String CONFIRMATION_HTML = """
            <!DOCTYPE html>
            <html><body style="font-family: sans-serif">
            <p>Hello {name},</p>
            <p>please confirm your email address by opening this link:</p>
            <p><a href="{url}">Confirm my email address</a></p>
            <p style="font-size: small">{url}</p>
            <p>The link works once and expires at {expires} (in {lifetime}).
            If you did not create an account, you can ignore this email.</p>
            </body></html>
            """;
    private static final String RESET_TEXT = """
            Hello {name},

            someone asked to reset the password of your account. To choose a new password, open this link:

            {url}

            The link works once and expires at {expires} (in {lifetime}).
            If you did not ask for this, you can ignore this email; your password stays unchanged.
            """;
    private static final String RESET_HTML = """
            <!DOCTYPE html>
            <html><body style="font-family: sans-serif">
            <p>Hello {name},</p>
            <p>someone asked to reset the password of your account. To choose a new password, open this link:</p>
            <p><a href="{url}">Reset my password</a></p>
            <p style="font-size: small">{url}</p>
            <p>The link works once and expires at {expires} (in {lifetime}).
            If you did not ask for this, you can ignore this email; your password stays unchanged.</p>
            </body></html>
            """;

    private MailTemplates() {}

    /** Returns the mail of {@code template} to {@code to}, linking {@code url}, valid until {@code expires}. */
    static MailMessage render(EmailTemplate template, String to, String subject, String name, String url,
            Instant expires, Duration lifetime) {
        Map<String, String> values = Map.of("name", name, "url", url, "expires", EXPIRY.format(expires),
                "lifetime", describe(lifetime));
        boolean confirmation = template == EmailTemplate.ACCOUNT_CONFIRMATION;
        String text = fill(confirmation ? CONFIRMATION_TEXT : RESET_TEXT, values, UnaryOperator.identity());
        String html = fill(confirmation ? CONFIRMATION_HTML : RESET_HTML, values, MailTemplates::escapeHtml);
        return new MailMessage(to, subject, text, html);
    }

    /** Returns {@code value} safe to place in HTML text and in double- or single-quoted attributes. */
    static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Returns {@code lifetime} in words: "30 minutes", "1 hour", "2 days", "45 seconds". */
    static String describe(Duration lifetime) {
        long seconds = lifetime.getSeconds();
        if (seconds % 86_400 == 0 && seconds > 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0 && seconds > 0) {
            return plural(seconds / 3_600, "hour");
        }
        return seconds % 60 == 0 && seconds > 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : escape.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
