package dev.flowstage.stages.email;

import dev.flowstage.api.MailException;
import dev.flowstage.api.MailMessage;
import dev.flowstage.api.User;
import dev.flowstage.spi.Mailer;
import dev.flowstage.spi.StageContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues a link token and mails it to the pending user; never throws for a mail failure. */
final class MailDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    /** What became of one attempt to mail a link. */
    enum Outcome {
        /** The mail was handed to the server. */
        SENT,
        /** Nobody to mail (pretend or deleted user, no address): nothing issued, nothing sent, nothing told. */
        SKIPPED,
        /** The mail could not be sent; the reason was logged. */
        FAILED
    }

    private record Recipient(String address, String name) {}

    private MailDelivery() {}

    /** Issues a token and mails the link to the pending user, unless there is nobody to mail. */
    static Outcome deliver(StageContext<EmailConfig> ctx) {
        Optional<Recipient> recipient = recipient(ctx);
        if (recipient.isEmpty()) {
            return Outcome.SKIPPED;
        }
        EmailConfig config = ctx.config();
        String token = ctx.tokens().issue(EmailStage.TOKEN_PURPOSE, config.tokenExpiry(),
                Map.of("header", EmailStage.CONFIRMATION_HEADER));
        Instant expires = ctx.clock().instant().plus(config.tokenExpiry());
        MailMessage message = MailTemplates.render(config.template(), recipient.get().address(), config.subject(),
                recipient.get().name(), link(config.linkBaseUrl(), ctx.flowSlug(), token), expires, config.tokenExpiry());
        return send(ctx, message) ? Outcome.SENT : Outcome.FAILED;
    }

    /** Returns {@code <base>/if/flow/<slug>/?flow_token=<token>}. */
    static String link(String linkBaseUrl, String flowSlug, String token) {
        String base = linkBaseUrl.endsWith("/") ? linkBaseUrl.substring(0, linkBaseUrl.length() - 1) : linkBaseUrl;
        return base + "/if/flow/" + URLEncoder.encode(flowSlug, StandardCharsets.UTF_8) + "/?"
                + EmailStage.TOKEN_QUERY_PARAMETER + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static Optional<Recipient> recipient(StageContext<EmailConfig> ctx) {
        Optional<User> user = ctx.pendingDirectoryUser();
        if (user.isEmpty()) {
            LOG.debug("stage '{}' of flow '{}': the pending user has no directory entry; no mail sent",
                    ctx.stageName(), ctx.flowSlug());
            return Optional.empty();
        }
        String address = ctx.get(EmailStage.EMAIL_OVERRIDE).filter(email -> !email.isBlank()).orElse(user.get().email());
        if (address.isBlank()) {
            LOG.warn("stage '{}' of flow '{}': user '{}' has no email address; no mail sent",
                    ctx.stageName(), ctx.flowSlug(), user.get().id());
            return Optional.empty();
        }
        String name = user.get().name().isBlank() ? user.get().username() : user.get().name();
        return Optional.of(new Recipient(address, name));
    }

    private static boolean send(StageContext<EmailConfig> ctx, MailMessage message) {
        try {
            mailer(ctx).send(message);
            return true;
        } catch (MailException e) {
            LOG.warn("stage '{}' of flow '{}': {}", ctx.stageName(), ctx.flowSlug(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("stage '{}' of flow '{}': the mailer failed", ctx.stageName(), ctx.flowSlug(), e);
        }
        return false;
    }

    private static Mailer mailer(StageContext<EmailConfig> ctx) {
        EmailConfig config = ctx.config();
        if (!config.useGlobalSettings()) {
            return new SmtpMailer(config.smtp(), ctx.clock());
        }
        return ctx.findService(Mailer.class).orElseThrow(() -> new IllegalStateException(
                "use_global_settings needs a " + Mailer.class.getName() + " service on the engine builder"));
    }
}
