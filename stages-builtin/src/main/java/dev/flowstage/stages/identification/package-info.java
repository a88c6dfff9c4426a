/** The identification stage ({@code builtin.identification}, {@code ak-stage-identification}). */
package dev.flowstage.stages.identification;
