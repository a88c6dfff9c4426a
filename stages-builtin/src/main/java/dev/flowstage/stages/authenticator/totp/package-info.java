/**
 * TOTP (RFC 6238): the generator {@link dev.flowstage.stages.authenticator.totp.Totp} and the setup
 * stage ({@code builtin.authenticator_totp}, {@code ak-stage-authenticator-totp}).
 */
package dev.flowstage.stages.authenticator.totp;
