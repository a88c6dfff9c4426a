package dev.flowstage.spi.blueprint;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads and writes one blueprint model: the attributes of an entry such as
 * {@code model: authentik_stages_password.passwordstage} on one side, a config record on the other.
 *
 * <p>Every entry of a stage or policy model has a {@code name} identifier, which becomes the
 * stage's or policy's name; the blueprint machinery reads it, so {@link #fromAttributes} sees
 * every attribute except {@code name}. Implementations are stateless and thread-safe.
 *
 * <pre>{@code
 * BlueprintModel.stage("acme_stages_terms.termsstage", TermsStage.TYPE, TermsConfig.class,
 *         attrs -> new TermsConfig(attrs.requiredString("version"), attrs.string("text", "")),
 *         config -> Map.of("version", config.version(), "text", config.text()));
 * }</pre>
 *
 * @param <C> the config type, the same class as the stage's or policy type's config type
 */
public interface BlueprintModel<C> {

    /** What an entry of a model becomes. */
    enum Kind {
        /** A stage definition of the stage type {@link #typeId()}. */
        STAGE,
        /** A policy definition of the policy type {@link #typeId()}. */
        POLICY,
        /** A named object that stages refer to, such as a prompt field; {@link #typeId()} is empty. */
        OBJECT
    }

    /** Returns the model name used in blueprints, {@code <app label>.<model>}, such as {@code authentik_stages_password.passwordstage}. */
    String modelName();

    /** Returns what entries of this model become. */
    Kind kind();

    /** Returns the stage or policy type id entries map to (such as {@code builtin.password}); empty for {@link Kind#OBJECT}. */
    String typeId();

    /** Returns the config class; {@link #fromAttributes} returns instances of it. */
    Class<C> configType();

    /**
     * Returns the config described by {@code attributes}. Read every attribute the model knows
     * through {@code attributes}; the caller reports the attributes that were not read as unknown,
     * and problems the reader found (a wrong type, a bad value) naming the key. The returned value
     * is discarded when there were problems, so a model may build it from the readers' defaults.
     *
     * @throws IllegalArgumentException when the attributes cannot form a config; the message names the
     *     attribute; the caller reports it as a problem of the entry
     */
    C fromAttributes(ModelAttributes attributes);

    /**
     * Returns the attributes that describe {@code config}, such that {@link #fromAttributes} returns an
     * equal config. Values are strings, booleans, numbers, {@link java.time.Duration}s (written as
     * authentik durations), lists, maps with string keys, and {@link ModelRef}s for references to flows, policies and objects. Never writes a secret: a model
     * with secret attributes leaves them out, and applying the exported blueprint takes them from
     * elsewhere (for example {@code !Env}). Null values are left out of exports.
     */
    Map<String, Object> toAttributes(C config);

    /**
     * Returns problems of {@code config} that can be found without a flow (for an expression: why it
     * does not compile); empty when there are none. A problem that starts with an attribute's name and
     * a colon ({@code "expression: 'System' is not allowed"}) is reported for that attribute. Called
     * for every entry of the model, including objects no flow uses yet.
     */
    default List<String> check(C config) {
        return List.of();
    }

    /**
     * Returns a stage model from two functions.
     *
     * @param modelName the model name, such as {@code acme_stages_terms.termsstage}
     * @param typeId the stage type id, such as {@code acme.terms}
     * @param configType the stage's config class
     * @param reader builds a config from attributes
     * @param writer describes a config as attributes
     */
    static <C> BlueprintModel<C> stage(String modelName, String typeId, Class<C> configType,
            Function<ModelAttributes, C> reader, Function<C, Map<String, Object>> writer) {
        return new SimpleModel<>(modelName, Kind.STAGE, typeId, configType, reader, writer);
    }

    /** Returns a policy model from two functions; see {@link #stage}. */
    static <C> BlueprintModel<C> policy(String modelName, String typeId, Class<C> configType,
            Function<ModelAttributes, C> reader, Function<C, Map<String, Object>> writer) {
        return new SimpleModel<>(modelName, Kind.POLICY, typeId, configType, reader, writer);
    }

    /** Returns an object model from two functions; see {@link #stage}. */
    static <C> BlueprintModel<C> object(String modelName, Class<C> configType,
            Function<ModelAttributes, C> reader, Function<C, Map<String, Object>> writer) {
        return new SimpleModel<>(modelName, Kind.OBJECT, "", configType, reader, writer);
    }

    /** The model built by the static factories. */
    record SimpleModel<C>(String modelName, Kind kind, String typeId, Class<C> configType,
            Function<ModelAttributes, C> reader, Function<C, Map<String, Object>> writer) implements BlueprintModel<C> {

        /** Validates the parts. */
        public SimpleModel {
            Objects.requireNonNull(modelName, "modelName");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(typeId, "typeId");
            Objects.requireNonNull(configType, "configType");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(writer, "writer");
            if (!modelName.matches("[a-z0-9_]+\\.[a-z0-9_]+")) {
                throw new IllegalArgumentException("model name '" + modelName + "' must look like app_label.model");
            }
            if (kind != Kind.OBJECT && typeId.isBlank()) {
                throw new IllegalArgumentException("model '" + modelName + "' needs a type id");
            }
        }

        @Override
        public C fromAttributes(ModelAttributes attributes) {
            return reader.apply(attributes);
        }

        @Override
        public Map<String, Object> toAttributes(C config) {
            return writer.apply(config);
        }
    }
}
