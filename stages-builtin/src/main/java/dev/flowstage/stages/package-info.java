/**
 * The built-in stages, one package each with its config record, and {@link
 * dev.flowstage.stages.BuiltinStages} to register them all and define stages tersely.
 */
package dev.flowstage.stages;
