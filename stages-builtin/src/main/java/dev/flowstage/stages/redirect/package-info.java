/** The redirect stage ({@code builtin.redirect}, {@code xak-flow-redirect}). */
package dev.flowstage.stages.redirect;
