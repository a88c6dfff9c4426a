/** The password stage ({@code builtin.password}, {@code ak-stage-password}). */
package dev.flowstage.stages.password;
