/**
 * The consent stage ({@code builtin.consent}, {@code ak-stage-consent}): asks a user to consent to
 * an application and its permissions and remembers the consent in a {@link
 * dev.flowstage.spi.ConsentStore}.
 */
package dev.flowstage.stages.consent;
