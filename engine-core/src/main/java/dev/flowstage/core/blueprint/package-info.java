/**
 * Blueprints: flows as authentik-style YAML, applied atomically to a
 * {@link dev.flowstage.core.blueprint.ConfigurationStore} and deployed to a
 * {@link dev.flowstage.api.FlowEngine}, exported back, and watched in a folder.
 *
 * <p>Entry point: {@link dev.flowstage.core.blueprint.Blueprints}. The YAML reference is
 * {@code docs/blueprints.md}. Implementation lives in {@code dev.flowstage.core.internal.blueprint},
 * which carries no compatibility promise; YAML and JSON library types never appear here.
 */
package dev.flowstage.core.blueprint;
