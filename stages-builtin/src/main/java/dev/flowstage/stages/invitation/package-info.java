/**
 * The invitation stage ({@code builtin.invitation}, no challenge) and {@link
 * dev.flowstage.stages.invitation.Invitations}, which issues invitation tokens.
 */
package dev.flowstage.stages.invitation;
