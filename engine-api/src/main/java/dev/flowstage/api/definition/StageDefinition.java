package dev.flowstage.api.definition;

import java.util.Objects;

/**
 * A configured, reusable stage: a unique name, the stage type's stable id (such as
 * {@code builtin.password}) and its configuration record. One stage may be bound in many flows.
 *
 * <p>The configuration is validated against the type's config class and its Bean Validation
 * constraints when a flow using it is compiled.
 *
 * @param name the stage's unique name
 * @param type the stable type id of a registered {@code dev.flowstage.spi.Stage}
 * @param config the configuration, an instance of the stage type's config class (usually a record)
 */
public record StageDefinition(String name, String type, Object config) {
    /** Validates the parts. */
    public StageDefinition {
        Definitions.requireName(name, "stage name");
        Definitions.requireName(type, "stage type of '" + name + "'");
        Objects.requireNonNull(config, "config of stage '" + name + "'");
    }

    /** Returns a stage named {@code name} of type {@code type} with {@code config}. */
    public static StageDefinition of(String name, String type, Object config) {
        return new StageDefinition(name, type, config);
    }
}
