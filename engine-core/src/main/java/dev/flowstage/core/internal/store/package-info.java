/** Serialisation of the file-based stores: no compatibility promise. */
package dev.flowstage.core.internal.store;
