/**
 * WebAuthn: the setup stage ({@code builtin.authenticator_webauthn}, {@code
 * ak-stage-authenticator-webauthn}), verified with webauthn4j, and the user verification and
 * resident key settings shared with the validation stage.
 */
package dev.flowstage.stages.authenticator.webauthn;
