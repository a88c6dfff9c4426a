/**
 * Static recovery codes: the setup stage ({@code builtin.authenticator_static}, {@code
 * ak-stage-authenticator-static}). The package is not named {@code static}, a Java keyword.
 */
package dev.flowstage.stages.authenticator.staticcodes;
