/**
 * The email stage ({@code builtin.email}, {@code ak-stage-email}) and an SMTP {@link
 * dev.flowstage.spi.Mailer} on Jakarta Mail ({@link dev.flowstage.stages.email.SmtpMailer}).
 *
 * <p>The stage mails a one-time link {@code <linkBaseUrl>/if/flow/<flow slug>/?flow_token=<token>}.
 * The host serving that page passes the {@code flow_token} query parameter to {@link
 * dev.flowstage.api.FlowEngine#resume}, which shows an {@code ak-stage-consent} confirmation
 * without consuming the token (mail scanners follow links); the client then posts
 * {@code {"token": ...}} to the execution, which consumes it and lets the email stage proceed.
 */
package dev.flowstage.stages.email;
