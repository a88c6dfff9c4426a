/**
 * The blueprint model SPI: how a stage type, a policy type or a configuration object (such as a
 * prompt) is read from and written to authentik-style blueprint YAML.
 *
 * <p>A {@link dev.flowstage.spi.blueprint.BlueprintModel} names the authentik model it stands for
 * ({@code authentik_stages_password.passwordstage}), the type id it maps to, and converts between
 * blueprint attributes and the type's config record. Built-in models ship beside their stages and
 * policies; a custom stage registers its own model with one line on the blueprint builder.
 */
package dev.flowstage.spi.blueprint;
