package dev.flowstage.stages.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.stages.testing.ConfigViolations;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConsentConfigTest {
    private static final ConsentStage STAGE = new ConsentStage();

    @Test
    void defaults_expiringForFourWeeks_haveNoProblems() {
        ConsentConfig defaults = ConsentConfig.defaults();

        assertThat(defaults).isEqualTo(new ConsentConfig(ConsentMode.EXPIRING, Duration.ofDays(28)));
        assertThat(ConfigViolations.of(defaults)).isEmpty();
        assertThat(STAGE.validate(defaults)).isEmpty();
    }

    @Test
    void withers_changeOnlyTheirComponent() {
        ConsentConfig config = ConsentConfig.defaults().withMode(ConsentMode.PERMANENT).withConsentExpireIn(Duration.ofHours(1));

        assertThat(config).isEqualTo(new ConsentConfig(ConsentMode.PERMANENT, Duration.ofHours(1)));
    }

    @Test
    void nullModeAndDuration_reportedByBeanValidation() {
        assertThat(ConfigViolations.of(new ConsentConfig(null, null)))
                .containsExactlyInAnyOrder("mode", "consentExpireIn");
        assertThat(STAGE.validate(new ConsentConfig(null, null))).isEmpty();
    }

    @Test
    void validate_zeroOrNegativeExpiryInExpiringMode_reportedWithTheValue() {
        assertThat(STAGE.validate(ConsentConfig.defaults().withConsentExpireIn(Duration.ZERO)))
                .containsExactly("consent_expire_in must be positive in mode expiring, got PT0S");
        assertThat(STAGE.validate(ConsentConfig.defaults().withConsentExpireIn(Duration.ofSeconds(-1))))
                .containsExactly("consent_expire_in must be positive in mode expiring, got PT-1S");
    }

    @Test
    void validate_zeroExpiryInOtherModes_ignored() {
        ConsentConfig zero = ConsentConfig.defaults().withConsentExpireIn(Duration.ZERO);

        assertThat(STAGE.validate(zero.withMode(ConsentMode.PERMANENT))).isEmpty();
        assertThat(STAGE.validate(zero.withMode(ConsentMode.ALWAYS_REQUIRE))).isEmpty();
    }

    @Test
    void mode_wireNames_roundTrip() {
        assertThat(Arrays.stream(ConsentMode.values()).map(ConsentMode::wireName))
                .containsExactly("always_require", "permanent", "expiring");
        assertThat(Arrays.stream(ConsentMode.values()).map(mode -> ConsentMode.fromWireName(mode.wireName())))
                .containsExactly(ConsentMode.values());
    }

    @Test
    void mode_unknownWireName_rejectedNamingTheAllowedOnes() {
        assertThatThrownBy(() -> ConsentMode.fromWireName("ALWAYS_REQUIRE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("consent mode 'ALWAYS_REQUIRE' is not one of [always_require, permanent, expiring]");
    }

    @Test
    void stage_describesItselfAndDefinesStagesOfItsType() {
        assertThat(STAGE.typeId()).isEqualTo("builtin.consent");
        assertThat(STAGE.configType()).isEqualTo(ConsentConfig.class);
        assertThat(STAGE.description()).isNotEqualTo(STAGE.typeId());
        assertThat(ConsentStage.definition("consent", ConsentConfig.defaults()).type()).isEqualTo(ConsentStage.TYPE);
    }

    @Test
    void permission_blankId_rejected() {
        assertThatThrownBy(() -> ConsentPermission.of(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("consent permission id must not be blank");
    }
}
