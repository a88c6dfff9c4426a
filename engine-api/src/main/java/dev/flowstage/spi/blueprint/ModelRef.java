package dev.flowstage.spi.blueprint;

import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageDefinition;
import java.util.Objects;

/**
 * A reference that {@link BlueprintModel#toAttributes} writes where a config points at a flow, a
 * policy, a stage or another object. An export writes it as {@code !KeyOf} when the target is part
 * of the export (adding the target when needed) and otherwise by name.
 */
public sealed interface ModelRef permits ModelRef.FlowRef, ModelRef.PolicyRef, ModelRef.StageRef, ModelRef.ObjectRef {

    /** Returns a reference to the flow {@code slug}. */
    static ModelRef flow(String slug) {
        return new FlowRef(slug);
    }

    /** Returns a reference to {@code policy}, which the export includes. */
    static ModelRef policy(PolicyDefinition policy) {
        return new PolicyRef(policy);
    }

    /** Returns a reference to {@code stage}, which the export includes. */
    static ModelRef stage(StageDefinition stage) {
        return new StageRef(stage);
    }

    /** Returns a reference to the object named {@code name} of model {@code model}, whose config is {@code config}. */
    static ModelRef object(String model, String name, Object config) {
        return new ObjectRef(model, name, config);
    }

    /** A reference to a flow by slug. */
    record FlowRef(String slug) implements ModelRef {
        /** Validates the slug is present. */
        public FlowRef {
            Objects.requireNonNull(slug, "slug");
        }
    }

    /** A reference to a policy. */
    record PolicyRef(PolicyDefinition policy) implements ModelRef {
        /** Validates the policy is present. */
        public PolicyRef {
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** A reference to a stage. */
    record StageRef(StageDefinition stage) implements ModelRef {
        /** Validates the stage is present. */
        public StageRef {
            Objects.requireNonNull(stage, "stage");
        }
    }

    /** A reference to a named object of an {@link BlueprintModel.Kind#OBJECT} model. */
    record ObjectRef(String model, String name, Object config) implements ModelRef {
        /** Validates the parts. */
        public ObjectRef {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(config, "config");
        }
    }
}
