package dev.flowstage.stages.email;

/**
 * The built-in mail templates of the email stage (authentik's {@code email/account_confirmation.html}
 * and {@code email/password_reset.html}). Each renders a plain-text and an HTML body with the link,
 * the user's name and when the link expires; user values are HTML-escaped in the HTML body.
 */
public enum EmailTemplate {
    /** Asks a new user to confirm their email address. */
    ACCOUNT_CONFIRMATION,
    /** Offers a password reset link. */
    PASSWORD_RESET
}
