/**
 * The prompt stage ({@code builtin.prompt}, {@code ak-stage-prompt}): arbitrary form fields whose
 * values land in the context's {@code prompt_data}, with validation policies such as the password
 * policy of {@code dev.flowstage.policy.PasswordPolicyType}.
 */
package dev.flowstage.stages.prompt;
