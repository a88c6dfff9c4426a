package dev.flowstage.stages.authenticator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import dev.flowstage.stages.userwrite.UserWriteStage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticatorUsersTest {

    private static TestContext<Object> enrollment(PendingUser pending) {
        return TestContext.<Object>of(new Object()).designated(Designation.ENROLLMENT).withUser(Fixtures.alice())
                .withUser(Fixtures.bob()).with(ContextKeys.PENDING_USER, pending);
    }

    @Test
    void forSetup_existingUserIdentifiedInAnEnrollmentFlow_isRefused() {
        var ctx = enrollment(PendingUser.of(Fixtures.alice()));

        assertThat(AuthenticatorUsers.forSetup(ctx)).isEmpty();
    }

    @Test
    void forSetup_userCreatedByUserWriteInThisExecution_isAccepted() {
        var enrollment = enrollment(PendingUser.of(Fixtures.alice())).with(UserWriteStage.CREATED_USER, "u-alice");
        var otherFlow = enrollment(PendingUser.of(Fixtures.alice())).designated(Designation.AUTHENTICATION)
                .with(UserWriteStage.CREATED_USER, "u-alice");

        assertThat(AuthenticatorUsers.forSetup(enrollment).map(User::id)).contains("u-alice");
        assertThat(AuthenticatorUsers.forSetup(otherFlow).map(User::id)).contains("u-alice");
    }

    @Test
    void forSetup_createdMarkerOfAnotherUser_isRefused() {
        var ctx = enrollment(PendingUser.of(Fixtures.alice())).with(UserWriteStage.CREATED_USER, "u-bob");

        assertThat(AuthenticatorUsers.forSetup(ctx)).isEmpty();
    }

    @Test
    void forSetup_createdButInactiveOrPretend_isRefused() {
        var inactive = enrollment(PendingUser.of(Fixtures.alice())).withUser(Fixtures.alice().withActive(false))
                .with(UserWriteStage.CREATED_USER, "u-alice");
        var pretend = enrollment(PendingUser.pretend("mallory")).with(UserWriteStage.CREATED_USER, "u-alice");

        assertThat(AuthenticatorUsers.forSetup(inactive)).isEmpty();
        assertThat(AuthenticatorUsers.forSetup(pretend)).isEmpty();
    }

    @Test
    void forSetup_pendingUserSignedInOrVerifiedInThisExecution_isAccepted() {
        var signedIn = enrollment(PendingUser.of(Fixtures.alice()))
                .withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-alice"));
        var verified = enrollment(PendingUser.of(Fixtures.alice()))
                .with(ContextKeys.VERIFIED_CREDENTIALS, List.of("password"));
        var signedInAsOther = enrollment(PendingUser.of(Fixtures.alice()))
                .withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-bob"));

        assertThat(AuthenticatorUsers.forSetup(signedIn).map(User::id)).contains("u-alice");
        assertThat(AuthenticatorUsers.forSetup(verified).map(User::id)).contains("u-alice");
        assertThat(AuthenticatorUsers.forSetup(signedInAsOther)).isEmpty();
    }

    @Test
    void forSetup_noPendingUser_isTheSignedInRequester() {
        var ctx = TestContext.<Object>of(new Object()).withUser(Fixtures.alice())
                .withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-alice"));

        assertThat(AuthenticatorUsers.forSetup(ctx).map(User::id)).contains("u-alice");
    }
}
