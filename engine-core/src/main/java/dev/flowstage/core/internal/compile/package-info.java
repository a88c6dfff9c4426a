/** Engine internals (compile): no compatibility promise; may change in any release. */
package dev.flowstage.core.internal.compile;
