package dev.flowstage.core.internal.exec;

/**
 * Engine-wide helpers stages reach through their context: expressions, policy checks, the policy gate.
 *
 * @param expressions the sandboxed expression cache
 * @param policies the stage policy evaluator
 * @param gate the policy gate (for the user policies see)
 */
record StageTools(StageExpressions expressions, StagePolicies policies, PolicyGate gate) {}
