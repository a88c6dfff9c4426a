/** Blueprint loading, tag resolution, import, export and conversion: no compatibility promise. */
package dev.flowstage.core.internal.blueprint;
