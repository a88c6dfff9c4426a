package dev.flowstage.stages.userwrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.stages.invitation.InvitationConfig;
import dev.flowstage.stages.testing.ConfigViolations;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** Validates the user write and invitation configs with Hibernate Validator, as the engine does when a flow compiles. */
class UserWriteConfigTest {

    @Test
    void defaults_userWriteAndInvitation_haveNoViolations() {
        assertThat(ConfigViolations.of(UserWriteConfig.defaults())).isEmpty();
        assertThat(ConfigViolations.of(UserWriteConfig.defaults().withCreateUsersGroup("invited")
                .withUserPathTemplate("users/partners"))).isEmpty();
        assertThat(ConfigViolations.of(InvitationConfig.defaults())).isEmpty();
    }

    @Test
    void userWrite_nullsAndBlankGroup_reportedTogether() {
        assertThat(ConfigViolations.of(new UserWriteConfig(null, false, " \n", null, null)))
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
