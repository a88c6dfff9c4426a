/**
 * Helpers shared by the built-in stages. Internal: no compatibility promise; do not use from
 * outside this module.
 */
package dev.flowstage.stages.internal;
