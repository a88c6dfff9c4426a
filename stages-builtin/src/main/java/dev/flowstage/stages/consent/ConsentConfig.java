package dev.flowstage.stages.consent;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Configuration of the consent stage (authentik's {@code ConsentStage} model).
 *
 * <p>Immutable. The constructor does not reject bad values: Bean Validation and {@link
 * ConsentStage#validate} report them, all together, when a flow using the stage compiles.
 *
 * @param mode whether and for how long a consent is remembered
 * @param consentExpireIn how long an {@link ConsentMode#EXPIRING expiring} consent lasts; positive
 *     in that mode, ignored in the others
 */
public record ConsentConfig(@NotNull ConsentMode mode, @NotNull Duration consentExpireIn) {

    /** Returns authentik's defaults: expiring consents that last 4 weeks. */
    public static ConsentConfig defaults() {
        return new ConsentConfig(ConsentMode.EXPIRING, Duration.ofDays(28));
    }

    /** Returns this config with mode {@code value}. */
    public ConsentConfig withMode(ConsentMode value) {
        return new ConsentConfig(value, consentExpireIn);
    }

    /** Returns this config with expiring consents lasting {@code value}. */
    public ConsentConfig withConsentExpireIn(Duration value) {
        return new ConsentConfig(mode, value);
    }
}
