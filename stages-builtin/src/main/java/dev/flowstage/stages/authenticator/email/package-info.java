/**
 * Sign-in codes by email: the setup stage ({@code builtin.authenticator_email}, {@code
 * ak-stage-authenticator-email}). Not to be confused with the email verification stage.
 */
package dev.flowstage.stages.authenticator.email;
