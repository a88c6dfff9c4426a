package dev.flowstage.stages.email;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.TokenException;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.spi.StoredToken;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails the pending user a one-time link and waits until it is followed (authentik's email stage):
 * account confirmation in enrollment flows, password reset links in recovery flows.
 *
 * <p><b>Arrival.</b> Without a pending user the execution is denied with {@value #NO_PENDING_USER}.
 * Otherwise, unless {@link #sentKey this stage already mailed}, a token (purpose {@value
 * #TOKEN_PURPOSE}, lifetime {@code tokenExpiry}) is issued and the link {@code
 * <linkBaseUrl>/if/flow/<flow slug>/?flow_token=<token>} is mailed to the context's {@link
 * #EMAIL_OVERRIDE} address, else the user's; then the bare {@value #COMPONENT} challenge is shown.
 * A pending user without a directory entry (a pretend user from identification, typically in a
 * recovery flow) or without an address gets the same challenge and the same answers, but no token
 * and no mail, so the client cannot tell whether the account exists. (Two residual signals: mail is
 * sent synchronously, so a known user's answer takes as long as the SMTP exchange; and while the
 * server is failing, only known users get the {@value #EMAIL_FAILED_CODE} error. A host that needs
 * timing parity can register a queueing {@link dev.flowstage.spi.Mailer}, which then cannot report
 * failures.)
 *
 * <p><b>Following the link.</b> The host passes the link's {@value #TOKEN_QUERY_PARAMETER} to
 * {@link dev.flowstage.api.FlowEngine#resume}, which shows an {@code ak-stage-consent} confirmation
 * without consuming the token; the client posts {@code {"token": ...}} to the execution and this
 * stage consumes it. A valid token proceeds, activating an inactive user when {@code
 * activateUserOnSuccess} is set, and records {@link #EMAIL_VERIFIED} and this stage's name in
 * {@code verified_credentials}. An unusable token (tampered, expired, used, foreign) is rejected with
 * its message under {@code non_field_errors}, code {@code invalid}.
 *
 * <p><b>Resending.</b> Any other response asks for a new mail (authentik's "always invalid"
 * response): allowed {@code resendLimit} times per {@code resendWindow} per execution, then
 * rejected with "Too many account verification attempts. Please try again after N minutes.";
 * otherwise a new token is mailed (earlier links stay valid until one is used) and the answer is
 * the challenge with {@code non_field_errors [{"string": "email-sent", "code": "email-sent"}]}.
 * Bind the stage with invalid_response_action retry (the default), since every resend is an
 * invalid response.
 *
 * <p><b>Mail failures</b> (SMTP down, refused credentials, a missing {@link dev.flowstage.spi.Mailer}
 * service) are logged and answered with the challenge and {@code non_field_errors} code {@value
 * #EMAIL_FAILED_CODE}; the execution stays, and posting again retries. Stateless and thread-safe.
 */
public final class EmailStage implements Stage<EmailConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.email";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-email";
    /** The purpose of the link tokens this stage issues. */
    public static final String TOKEN_PURPOSE = "email-verification";
    /** The header of the confirmation the engine shows when the link is opened. */
    public static final String CONFIRMATION_HEADER = "Continue to confirm this email address.";
    /** The query parameter of the mailed link that carries the token; hosts pass it to {@code FlowEngine#resume}. */
    public static final String TOKEN_QUERY_PARAMETER = "flow_token";
    /** The denial when no stage before this one identified a user. */
    public static final String NO_PENDING_USER = "No pending user.";
    /** The message and code of the error that answers a resend (authentik's). */
    public static final String EMAIL_SENT = "email-sent";
    /** The message of the error that answers a failed send. */
    public static final String EMAIL_FAILED = "The email could not be sent. Please try again later.";
    /** The code of the error that answers a failed send. */
    public static final String EMAIL_FAILED_CODE = "email-failed";
    /** The context key that overrides the recipient address (authentik's {@code email}). */
    public static final ContextKey<String> EMAIL_OVERRIDE = ContextKey.of("email", String.class);
    /** The context key set to true once a link of an email stage was followed. */
    public static final ContextKey<Boolean> EMAIL_VERIFIED = ContextKey.of("email_verified", Boolean.class);

    private static final Logger LOG = LoggerFactory.getLogger(EmailStage.class);
    private static final String KEY_PREFIX = "goauthentik.io/stages/email/";
    private static final String TOKEN = "token";
    private static final String INVALID = "invalid";

    /** Creates the stage; it holds no state. */
    public EmailStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, EmailConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns the context key recording that the stage named {@code stageName} mailed its link: {@code goauthentik.io/stages/email/<stageName>/email_sent}. */
    public static ContextKey<Boolean> sentKey(String stageName) {
        return ContextKey.of(KEY_PREFIX + stageName + "/email_sent", Boolean.class);
    }

    /** Returns the context key counting the resends of the stage named {@code stageName} in the current window. */
    public static ContextKey<Integer> resendCountKey(String stageName) {
        return ContextKey.of(KEY_PREFIX + stageName + "/resend_count", Integer.class);
    }

    /** Returns the context key holding when the resend window of the stage named {@code stageName} started, in epoch milliseconds. */
    public static ContextKey<Long> resendWindowKey(String stageName) {
        return ContextKey.of(KEY_PREFIX + stageName + "/resend_window_start", Long.class);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link EmailConfig}. */
    @Override
    public Class<EmailConfig> configType() {
        return EmailConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Mails the pending user a one-time link and waits until it is followed";
    }

    /**
     * Returns the problems Bean Validation cannot see: a link base URL that is not an absolute http(s)
     * URL, missing SMTP settings without global settings, invalid SMTP settings, non-positive durations.
     */
    @Override
    public List<String> validate(EmailConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.linkBaseUrl() != null && !config.linkBaseUrl().isBlank() && !isHttpBase(config.linkBaseUrl())) {
            problems.add("link_base_url '" + config.linkBaseUrl()
                    + "' must be an absolute http(s) URL without query or fragment, such as https://login.example.com");
        }
        if (!config.useGlobalSettings() && config.smtp() == null) {
            problems.add("smtp is required when use_global_settings is false");
        }
        if (config.smtp() != null) {
            problems.addAll(config.smtp().semanticProblems("smtp."));
        }
        requirePositive(problems, "token_expiry", config.tokenExpiry());
        requirePositive(problems, "resend_window", config.resendWindow());
        return problems;
    }

    /** Denies without a pending user; mails the link unless already mailed; shows the challenge (with an error if mailing failed). */
    @Override
    public StageResult arrive(StageContext<EmailConfig> ctx) {
        if (ctx.pendingUser().isEmpty()) {
            return StageResult.deny(NO_PENDING_USER);
        }
        if (ctx.get(sentKey(ctx.stageName())).orElse(false)) {
            return StageResult.show();
        }
        MailDelivery.Outcome outcome = MailDelivery.deliver(ctx);
        if (outcome == MailDelivery.Outcome.FAILED) {
            return StageResult.invalid(emailFailed());
        }
        return StageResult.show(ContextUpdate.of(sentKey(ctx.stageName()), true));
    }

    /** Returns the bare {@value #COMPONENT} challenge (the engine adds flow info and errors). */
    @Override
    public Challenge challenge(StageContext<EmailConfig> ctx) {
        return Challenge.of(COMPONENT);
    }

    /** Consumes a posted {@code token} and proceeds; any other response asks for a resend. */
    @Override
    public StageResult submit(StageContext<EmailConfig> ctx, ChallengeResponse response) {
        if (ctx.pendingUser().isEmpty()) {
            return StageResult.deny(NO_PENDING_USER);
        }
        return response.has(TOKEN) ? confirm(ctx, response.string(TOKEN).orElse("")) : resend(ctx);
    }

    private static StageResult confirm(StageContext<EmailConfig> ctx, String rawToken) {
        StoredToken token;
        try {
            token = ctx.tokens().consume(rawToken, TOKEN_PURPOSE);
        } catch (TokenException e) {
            return StageResult.invalid(ResponseErrors.nonField(e.getMessage(), INVALID));
        }
        Optional<User> user = ctx.pendingDirectoryUser();
        if (user.isEmpty() || !user.get().id().equals(token.userId())) {
            LOG.warn("stage '{}' of flow '{}': a link was followed for a user that is no longer the pending user",
                    ctx.stageName(), ctx.flowSlug());
            return StageResult.deny(TokenException.Reason.FOREIGN.message());
        }
        if (ctx.config().activateUserOnSuccess() && !user.get().active()) {
            ctx.userStore().update(user.get().withActive(true));
        }
        return StageResult.proceed(verified(ctx));
    }

    private static StageResult resend(StageContext<EmailConfig> ctx) {
        Optional<Duration> wait = ResendLimit.wait(ctx);
        if (wait.isPresent()) {
            return StageResult.invalid(ResponseErrors.nonField(ResendLimit.message(wait.get()), INVALID));
        }
        ContextUpdate counted = ResendLimit.record(ctx);
        if (MailDelivery.deliver(ctx) == MailDelivery.Outcome.FAILED) {
            return StageResult.invalid(emailFailed(), counted);
        }
        return StageResult.invalid(ResponseErrors.nonField(EMAIL_SENT, EMAIL_SENT),
                counted.put(sentKey(ctx.stageName()), true));
    }

    private static ContextUpdate verified(StageContext<EmailConfig> ctx) {
        List<String> credentials = new ArrayList<>(ctx.get(ContextKeys.VERIFIED_CREDENTIALS).orElse(List.of()));
        if (!credentials.contains(ctx.stageName())) {
            credentials.add(ctx.stageName());
        }
        return ContextUpdate.of(EMAIL_VERIFIED, true)
                .put(ContextKeys.VERIFIED_CREDENTIALS, List.copyOf(credentials))
                .remove(sentKey(ctx.stageName()))
                .remove(resendCountKey(ctx.stageName()))
                .remove(resendWindowKey(ctx.stageName()));
    }

    private static ResponseErrors emailFailed() {
        return ResponseErrors.nonField(EMAIL_FAILED, EMAIL_FAILED_CODE);
    }

    private static boolean isHttpBase(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void requirePositive(List<String> problems, String field, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            problems.add(field + " must be positive, got " + value);
        }
    }
}
