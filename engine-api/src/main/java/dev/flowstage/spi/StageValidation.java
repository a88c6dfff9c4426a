package dev.flowstage.spi;

import dev.flowstage.api.definition.PolicyDefinition;
import java.util.List;

/** Checks a stage config's expressions and policies when its flow compiles. */
public interface StageValidation {

    /** Returns the problems of {@code source} as a stage expression (empty when it compiles). */
    List<String> checkExpression(String source);

    /** Returns the problems of {@code policy} (unknown type, invalid config, refused expression). */
    List<String> checkPolicy(PolicyDefinition policy);
}
