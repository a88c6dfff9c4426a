package dev.flowstage.core.internal.compile;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Validates stage and policy configs with Hibernate Validator; built once per engine (it is slow to build). */
public final class ConfigValidator implements AutoCloseable {
    private final ValidatorFactory factory;
    private final Validator validator;

    /** Builds the validator; no EL implementation is needed thanks to the parameter interpolator. */
    public ConfigValidator() {
        this.factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** Returns one sentence per constraint violation of {@code config}, prefixed with {@code where}. */
    public List<String> problems(String where, Object config) {
        return validator.validate(config).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(violation -> where + ": " + describe(violation))
                .toList();
    }

    private static String describe(ConstraintViolation<Object> violation) {
        return violation.getPropertyPath() + " " + violation.getMessage() + " (was " + violation.getInvalidValue() + ")";
    }

    @Override
    public void close() {
        factory.close();
    }
}
