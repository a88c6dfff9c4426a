/**
 * Multi-factor authentication: the authenticator setup stages (TOTP, static recovery codes, WebAuthn,
 * email codes) in the sub-packages, the validation stage in {@code validate}, {@link
 * dev.flowstage.stages.authenticator.AesGcmSecretSealer} for sealing TOTP seeds, and {@link
 * dev.flowstage.stages.authenticator.MfaFlows} with authentik's two-factor sign-in and set-up flows.
 *
 * <p>Every stage here needs a {@link dev.flowstage.spi.DeviceStore} service; the TOTP and static
 * stages also need a {@link dev.flowstage.spi.SecretSealer}, the email stages a {@link
 * dev.flowstage.spi.Mailer}.
 */
package dev.flowstage.stages.authenticator;
