/**
 * Policy evaluation for Flowstage: the {@link dev.flowstage.policy.PolicyEngine} that combines
 * policy, group and user bindings (ALL/ANY, order, negate, timeout, failure result, fail closed),
 * the built-in policy types ({@link dev.flowstage.policy.BuiltinPolicyTypes}), and the sandboxed
 * MVEL expressions ({@link dev.flowstage.policy.SandboxedExpression}) that expression policies,
 * prompt placeholders and initial values share.
 *
 * <p>Implementation lives in {@code dev.flowstage.policy.internal}, which carries no
 * compatibility promise; MVEL types never appear in this package.
 */
package dev.flowstage.policy;
