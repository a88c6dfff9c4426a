package dev.flowstage.stages.email;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Configuration of the email stage (authentik's {@code EmailStage} model).
 *
 * <p>Immutable. The constructor does not reject bad values: Bean Validation and {@link
 * EmailStage#validate} report them, all together, when a flow using the stage compiles.
 *
 * @param useGlobalSettings whether to send with the engine's {@link dev.flowstage.spi.Mailer}
 *     service (registered on the engine builder); when false, with {@code smtp}
 * @param smtp the SMTP server to send with when {@code useGlobalSettings} is false; may be null otherwise
 * @param tokenExpiry how long a mailed link stays valid, positive
 * @param subject the mail's subject line
 * @param template which built-in template renders the mail
 * @param linkBaseUrl the absolute http(s) URL the host serves the flow interface under, such as
 *     {@code https://login.example.com}; links are {@code <linkBaseUrl>/if/flow/<flow slug>/?flow_token=<token>}
 * @param activateUserOnSuccess whether following the link activates an inactive pending user
 * @param resendLimit how many resends one execution may ask for within {@code resendWindow}, at least 1
 * @param resendWindow the window the resend limit counts in, positive
 */
public record EmailConfig(
        boolean useGlobalSettings,
        @Valid SmtpSettings smtp,
        @NotNull Duration tokenExpiry,
        @NotBlank String subject,
        @NotNull EmailTemplate template,
        @NotBlank String linkBaseUrl,
        boolean activateUserOnSuccess,
        @Min(1) int resendLimit,
        @NotNull Duration resendWindow) {

    /**
     * Returns the defaults with links under {@code linkBaseUrl} (there is no sensible default for it):
     * the engine's mailer, 30-minute links, subject "Flowstage", the password reset template (as
     * authentik), no activation, 5 resends per 5 minutes. {@code smtp} starts as {@link
     * SmtpSettings#defaults()} so that {@link #withSmtp} needs only the changes.
     */
    public static EmailConfig defaults(String linkBaseUrl) {
        return new EmailConfig(true, SmtpSettings.defaults(), Duration.ofMinutes(30), "Flowstage",
                EmailTemplate.PASSWORD_RESET, linkBaseUrl, false, 5, Duration.ofMinutes(5));
    }

    /** Returns this config sending with the engine's {@link dev.flowstage.spi.Mailer} service. */
    public EmailConfig withGlobalSettings() {
        return new EmailConfig(true, smtp, tokenExpiry, subject, template, linkBaseUrl, activateUserOnSuccess,
                resendLimit, resendWindow);
    }

    /** Returns this config sending through {@code settings} instead of the engine's mailer. */
    public EmailConfig withSmtp(SmtpSettings settings) {
        return new EmailConfig(false, settings, tokenExpiry, subject, template, linkBaseUrl, activateUserOnSuccess,
                resendLimit, resendWindow);
    }

    /** Returns this config with links valid for {@code expiry}. */
    public EmailConfig withTokenExpiry(Duration expiry) {
        return new EmailConfig(useGlobalSettings, smtp, expiry, subject, template, linkBaseUrl, activateUserOnSuccess,
                resendLimit, resendWindow);
    }

    /** Returns this config with subject line {@code value}. */
    public EmailConfig withSubject(String value) {
        return new EmailConfig(useGlobalSettings, smtp, tokenExpiry, value, template, linkBaseUrl, activateUserOnSuccess,
                resendLimit, resendWindow);
    }

    /** Returns this config rendering mails with {@code value}. */
    public EmailConfig withTemplate(EmailTemplate value) {
        return new EmailConfig(useGlobalSettings, smtp, tokenExpiry, subject, value, linkBaseUrl, activateUserOnSuccess,
                resendLimit, resendWindow);
    }

    /** Returns this config with links under {@code url}. */
    public EmailConfig withLinkBaseUrl(String url) {
        return new EmailConfig(useGlobalSettings, smtp, tokenExpiry, subject, template, url, activateUserOnSuccess,
                resendLimit, resendWindow);
    }

    /** Returns this config with activate-user-on-success set to {@code value}. */
    public EmailConfig withActivateUserOnSuccess(boolean value) {
        return new EmailConfig(useGlobalSettings, smtp, tokenExpiry, subject, template, linkBaseUrl, value,
                resendLimit, resendWindow);
    }

    /** Returns this config allowing {@code limit} resends per {@code window}. */
    public EmailConfig withResendLimit(int limit, Duration window) {
        return new EmailConfig(useGlobalSettings, smtp, tokenExpiry, subject, template, linkBaseUrl,
                activateUserOnSuccess, limit, window);
    }
}
