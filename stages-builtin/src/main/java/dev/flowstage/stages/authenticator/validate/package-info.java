/**
 * The authenticator validation stage ({@code builtin.authenticator_validate}, {@code
 * ak-stage-authenticator-validate}): verifies a second factor of the pending user.
 */
package dev.flowstage.stages.authenticator.validate;
