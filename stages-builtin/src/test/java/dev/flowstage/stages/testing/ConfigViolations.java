package dev.flowstage.stages.testing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Validates stage configs with Hibernate Validator, as the engine does when a flow compiles. */
public final class ConfigViolations {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private ConfigViolations() {}

    /** Returns the property paths of {@code config}'s constraint violations; empty when it is valid. */
    public static Set<String> of(Object config) {
        return VALIDATOR.validate(config).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
    }
}
