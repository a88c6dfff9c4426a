package dev.flowstage.stages.userwrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.stages.invitation.InvitationConfig;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Validates the user write and invitation configs with Hibernate Validator, as the engine does when a flow compiles. */
class UserWriteConfigTest {
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<String> violations(Object config) {
        return VALIDATOR.validate(config).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void defaults_userWriteAndInvitation_haveNoViolations() {
        assertThat(violations(UserWriteConfig.defaults())).isEmpty();
        assertThat(violations(UserWriteConfig.defaults().withCreateUsersGroup("invited")
                .withUserPathTemplate("users/partners"))).isEmpty();
        assertThat(violations(InvitationConfig.defaults())).isEmpty();
    }

    @Test
    void userWrite_nullsAndBlankGroup_reportedTogether() {
        assertThat(violations(new UserWriteConfig(null, false, " \n", null, null)))
                .containsExactlyInAnyOrder("userCreationMode", "createUsersGroup", "userPathTemplate", "userType");
    }

    @Test
    void withers_changeOnlyTheirField() {
        var config = UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.ALWAYS_CREATE)
                .withCreateUsersAsInactive(true).withCreateUsersGroup("g").withUserPathTemplate("p")
                .withUserType(UserType.SERVICE_ACCOUNT);

        assertThat(config).isEqualTo(new UserWriteConfig(UserCreationMode.ALWAYS_CREATE, true, "g", "p",
                UserType.SERVICE_ACCOUNT));
        assertThat(InvitationConfig.defaults().withContinueFlowWithoutInvitation(true))
                .isEqualTo(new InvitationConfig(true));
    }
}
