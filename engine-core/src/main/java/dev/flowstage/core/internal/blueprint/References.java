package dev.flowstage.core.internal.blueprint;

import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.core.blueprint.ConfigObject;
import java.util.Optional;

/** Turns the keys stored in reference fields into what they refer to; failures are {@link IllegalArgumentException}s naming why. */
interface References {
    Optional<ConfigObject> get(String pk);

    /** Returns the slug of the flow with key {@code pk}, or empty when {@code pk} is no flow's key. */
    Optional<String> flowSlug(String pk);

    PolicyDefinition policy(String pk);

    StageDefinition stage(String pk);

    Object object(String pk, String model);
}
