/** The deny stage ({@code builtin.deny}; no challenge of its own). */
package dev.flowstage.stages.deny;
