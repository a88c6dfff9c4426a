/**
 * Implementation of the policy engine and of the sandboxed MVEL expressions.
 *
 * <p>Internal: the types of this package carry no compatibility promise and may change in any
 * release. MVEL types appear only in {@code internal} packages.
 */
package dev.flowstage.policy.internal;
