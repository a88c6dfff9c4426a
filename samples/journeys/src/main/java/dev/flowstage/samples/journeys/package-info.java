/**
 * The seed journeys a host embeds next to sign-in, as Java definitions: invitation enrollment,
 * open enrollment, email-verified enrollment, password recovery and password change, plus the
 * authentication flow that links to recovery and enrollment.
 */
package dev.flowstage.samples.journeys;
