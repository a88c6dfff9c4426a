/** Engine internals (protocol): no compatibility promise; may change in any release. */
package dev.flowstage.core.internal.protocol;
