/** The dummy stage ({@code builtin.dummy}, {@code ak-stage-dummy}), for tests and demos. */
package dev.flowstage.stages.dummy;
