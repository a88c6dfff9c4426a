package dev.flowstage.stages.userwrite;

import static dev.flowstage.stages.testing.Results.deniedWith;
import static dev.flowstage.stages.testing.Results.proceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.InMemoryUsers;
import dev.flowstage.stages.testing.TestContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserWriteStageTest {
    private static final UserWriteStage STAGE = new UserWriteStage();
    private static final String FAILED = "Failed to update user. Please try again later.";

    private static TestContext<UserWriteConfig> context(UserWriteConfig config, Map<String, Object> promptData) {
        var ctx = TestContext.of(config).withUser(Fixtures.alice()).withUser(Fixtures.bob());
        return promptData == null ? ctx : ctx.with(ContextKeys.PROMPT_DATA, promptData);
    }

    private static TestContext<UserWriteConfig> aliceContext(UserWriteConfig config, Map<String, Object> promptData) {
        return context(config, promptData).with(ContextKeys.PENDING_USER, PendingUser.of(Fixtures.alice()));
    }

    /** Returns an ordered, null-tolerant map of alternating keys and values. */
    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static User written(TestContext<UserWriteConfig> ctx, StageResult result) {
        proceeded(ctx.apply(result));
        String id = ctx.get(ContextKeys.PENDING_USER).orElseThrow().id();
        return ctx.store().findById(id).orElseThrow();
    }

    private static void assertDeniedWithNothingWritten(TestContext<UserWriteConfig> ctx, String message) {
        List<User> before = ctx.store().all();

        deniedWith(ctx.apply(STAGE.arrive(ctx)), message);

        assertThat(ctx.store().all()).isEqualTo(before);
    }

    @Test
    void arrive_noPromptData_deniesNoPendingData() {
        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(), null), "No Pending data.");
    }

    @Test
    void arrive_createWhenRequiredWithoutPendingUser_createsActiveExternalUser() {
        var ctx = context(UserWriteConfig.defaults(), data("username", "carol", "email", "carol@example.com", "name", "Carol"));

        User carol = written(ctx, STAGE.arrive(ctx));

        assertThat(carol.username()).isEqualTo("carol");
        assertThat(carol.email()).isEqualTo("carol@example.com");
        assertThat(carol.name()).isEqualTo("Carol");
        assertThat(carol.active()).isTrue();
        assertThat(carol.superuser()).isFalse();
        assertThat(carol.groups()).isEmpty();
        assertThat(carol.passwordHash()).isNull();
        assertThat(carol.attributes()).isEqualTo(Map.of("type", "external", "path", "users"));
        assertThat(ctx.get(ContextKeys.PENDING_USER)).contains(PendingUser.of(carol));
        assertThat(ctx.store().all()).hasSize(3);
    }

    @Test
    void arrive_createWhenRequiredWithPendingUser_updatesItKeepingIdFlagsAndGroups() {
        var admin = Fixtures.alice().withGroups(Set.of("admins")).withSuperuser(true);
        var ctx = aliceContext(UserWriteConfig.defaults().withCreateUsersGroup("new-users"),
                data("name", "Alice Liddell", "email", "alice@wonderland.example"))
                .withUser(admin);

        User alice = written(ctx, STAGE.arrive(ctx));

        assertThat(alice).isEqualTo(new User("u-alice", "alice", "alice@wonderland.example", "Alice Liddell", true, true,
                Set.of("admins"), admin.passwordHash(), Map.of()));
        assertThat(ctx.store().all()).hasSize(2);
    }

    @Test
    void arrive_alwaysCreateWithPendingUser_createsAnotherUser() {
        var ctx = aliceContext(UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.ALWAYS_CREATE),
                data("username", "alice2"));

        User created = written(ctx, STAGE.arrive(ctx));

        assertThat(created.id()).isNotEqualTo("u-alice");
        assertThat(created.username()).isEqualTo("alice2");
        assertThat(ctx.store().findById("u-alice")).contains(Fixtures.alice());
    }

    @Test
    void arrive_alwaysCreateWithPendingUsersName_deniesAsConflictAndKeepsBoth() {
        var ctx = aliceContext(UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.ALWAYS_CREATE),
                data("username", "alice"));

        assertDeniedWithNothingWritten(ctx, FAILED);
    }

    @Test
    void arrive_neverCreateWithoutUser_deniesNoUserAndWritesNothing() {
        var ctx = context(UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE),
                data("username", "carol"));

        assertDeniedWithNothingWritten(ctx, "No user found and can't create new user.");
    }

    @Test
    void arrive_neverCreateWithPretendUser_deniesNoUser() {
        var ctx = context(UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE),
                data("username", "ghost")).with(ContextKeys.PENDING_USER, PendingUser.pretend("ghost"));

        assertDeniedWithNothingWritten(ctx, "No user found and can't create new user.");
    }

    @Test
    void arrive_neverCreateWithPendingUser_updatesIt() {
        var ctx = aliceContext(UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE),
                data("name", "Alice"));

        assertThat(written(ctx, STAGE.arrive(ctx)).name()).isEqualTo("Alice");
    }

    @Test
    void arrive_signedInRequestWithoutPendingUser_updatesSignedInUser() {
        var ctx = context(UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE),
                data("name", "Bobby")).withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-bob"));

        User bob = written(ctx, STAGE.arrive(ctx));

        assertThat(bob.id()).isEqualTo("u-bob");
        assertThat(bob.name()).isEqualTo("Bobby");
    }

    @Test
    void arrive_pendingUserWinsOverSignedInUser() {
        var ctx = aliceContext(UserWriteConfig.defaults(), data("name", "A"))
                .withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-bob"));

        assertThat(written(ctx, STAGE.arrive(ctx)).id()).isEqualTo("u-alice");
    }

    @Test
    void arrive_inactiveGroupPathAndType_appliedToNewUser() {
        var config = UserWriteConfig.defaults().withCreateUsersAsInactive(true).withCreateUsersGroup("invited")
                .withUserPathTemplate("users/partners").withUserType(UserType.INTERNAL);
        var ctx = context(config, data("username", "dave", "type", "service_account", "path", "admins"));

        User dave = written(ctx, STAGE.arrive(ctx));

        assertThat(dave.active()).isFalse();
        assertThat(dave.groups()).containsExactly("invited");
        assertThat(dave.attributes()).isEqualTo(Map.of("type", "internal", "path", "users/partners"));
    }

    @Test
    void arrive_existingUserWithTypeAndPath_promptDataCannotChangeThem() {
        var carol = new User("u-carol", "carol", "", "", true, false, Set.of(), null,
                Map.of("type", "external", "path", "users"));
        var ctx = context(UserWriteConfig.defaults().withUserType(UserType.INTERNAL),
                data("type", "internal", "attributes", Map.of("path", "admins"), "attributes.type", "service_account"))
                .withUser(carol).with(ContextKeys.PENDING_USER, PendingUser.of(carol));

        assertThat(written(ctx, STAGE.arrive(ctx)).attributes()).isEqualTo(Map.of("type", "external", "path", "users"));
    }

    @Test
    void arrive_password_storedOnlyAsVerifiableHashAndRemovedFromPromptData() {
        var ctx = context(UserWriteConfig.defaults(), data("username", "erin", "password", "s3cret-Pass",
                "password_repeat", "s3cret-Pass", "email", "erin@example.com"));

        User erin = written(ctx, STAGE.arrive(ctx));

        assertThat(erin.passwordHash()).startsWith("$argon2id$").doesNotContain("s3cret-Pass");
        assertThat(ctx.hasher().verify(Secret.of("s3cret-Pass"), erin.passwordHash())).isTrue();
        assertThat(erin.attributes()).doesNotContainKeys("password", "password_repeat");
        assertThat(ctx.get(ContextKeys.PROMPT_DATA)).contains(Map.of("username", "erin", "email", "erin@example.com"));
    }

    @Test
    void arrive_passwordAsSecretForExistingUser_replacesHash() {
        var ctx = aliceContext(UserWriteConfig.defaults(), data("password", Secret.of("new password")));

        User alice = written(ctx, STAGE.arrive(ctx));

        assertThat(ctx.hasher().verify(Secret.of("new password"), alice.passwordHash())).isTrue();
        assertThat(ctx.hasher().verify(Secret.of(Fixtures.ALICE_PASSWORD), alice.passwordHash())).isFalse();
        assertThat(ctx.get(ContextKeys.PROMPT_DATA)).contains(Map.of());
    }

    @Test
    void arrive_emptyOrNullPassword_keepsExistingHash() {
        var empty = aliceContext(UserWriteConfig.defaults(), data("password", ""));
        var absent = aliceContext(UserWriteConfig.defaults(), data("password", null));

        assertThat(written(empty, STAGE.arrive(empty)).passwordHash()).isEqualTo(Fixtures.alice().passwordHash());
        assertThat(written(absent, STAGE.arrive(absent)).passwordHash()).isEqualTo(Fixtures.alice().passwordHash());
    }

    @Test
    void arrive_otherSecretValues_droppedFromAttributesAndPromptData() {
        var ctx = context(UserWriteConfig.defaults(), data("username", "fay", "pin", Secret.of("1234"), "city", "Oslo"));

        User fay = written(ctx, STAGE.arrive(ctx));

        assertThat(fay.attributes()).doesNotContainKey("pin").containsEntry("city", "Oslo");
        assertThat(ctx.get(ContextKeys.PROMPT_DATA)).contains(Map.of("username", "fay", "city", "Oslo"));
    }

    @Test
    void arrive_attributeKeys_mergedNestedAndDroppedAsDocumented() {
        var ctx = context(UserWriteConfig.defaults(), data(
                "username", "gus",
                "attributes", Map.of("locale", "de", "settings", Map.of("theme", "dark")),
                "attributes.settings.font", "large",
                "attributes_address.city", "Bern",
                "nickname", "G",
                "component", "ak-stage-prompt",
                "country__choices", List.of("CH", "DE"),
                "groups", List.of("admins"),
                "superuser", true));

        User gus = written(ctx, STAGE.arrive(ctx));

        assertThat(gus.attributes()).isEqualTo(Map.of(
                "locale", "de",
                "settings", Map.of("theme", "dark", "font", "large"),
                "address", Map.of("city", "Bern"),
                "nickname", "G",
                "superuser", true,
                "type", "external",
                "path", "users"));
        assertThat(gus.groups()).isEmpty();
        assertThat(gus.superuser()).isFalse();
    }

    @Test
    void arrive_attributesMapForExistingUser_mergesAtTopLevel() {
        var frank = new User("u-frank", "frank", "", "", true, false, Set.of(), null,
                Map.of("keep", 1, "settings", Map.of("theme", "dark")));
        var ctx = context(UserWriteConfig.defaults(), data("attributes", Map.of("settings", Map.of("font", "large"))))
                .withUser(frank).with(ContextKeys.PENDING_USER, PendingUser.of(frank));

        assertThat(written(ctx, STAGE.arrive(ctx)).attributes())
                .isEqualTo(Map.of("keep", 1, "settings", Map.of("font", "large")));
    }

    @Test
    void arrive_nonMapAttributes_deniesAndWritesNothing() {
        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(), data("username", "h", "attributes", "all")), FAILED);
        assertDeniedWithNothingWritten(aliceContext(UserWriteConfig.defaults(), data("attributes", List.of(1))), FAILED);
        assertDeniedWithNothingWritten(aliceContext(UserWriteConfig.defaults(), data("attributes", null)), FAILED);
    }

    @Test
    void arrive_dottedPathThroughScalarOrWithEmptySegment_deniesAndWritesNothing() {
        var throughScalar = data("username", "h", "attributes.a", 1, "attributes.a.b", 2);

        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(), throughScalar), FAILED);
        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(), data("username", "h", "attributes.a..b", 2)), FAILED);
        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(), data("username", "h", "attributes.", 2)), FAILED);
    }

    @Test
    void arrive_usernameTakenIgnoringCase_deniesAndWritesNothing() {
        var ctx = context(UserWriteConfig.defaults(), data("username", "ALICE", "password", "pw"));

        assertDeniedWithNothingWritten(ctx, FAILED);
        assertThat(ctx.get(ContextKeys.PROMPT_DATA)).contains(Map.of("username", "ALICE"));
    }

    @Test
    void arrive_emailTaken_deniesAndWritesNothing() {
        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(),
                data("username", "ivy", "email", "bob@example.com")), FAILED);
    }

    @Test
    void arrive_existingUserRenamedToTakenUsername_deniesAndKeepsExistingUser() {
        var ctx = aliceContext(UserWriteConfig.defaults(), data("username", "bob", "name", "Not Alice"));

        assertDeniedWithNothingWritten(ctx, FAILED);
        assertThat(ctx.store().findById("u-alice")).contains(Fixtures.alice());
    }

    @Test
    void arrive_missingBlankOrNonStringUsername_deniesAndWritesNothing() {
        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(), data("email", "j@example.com")), FAILED);
        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(), data("username", "  ")), FAILED);
        assertDeniedWithNothingWritten(context(UserWriteConfig.defaults(), data("username", 42)), FAILED);
        assertDeniedWithNothingWritten(aliceContext(UserWriteConfig.defaults(), data("username", null)), FAILED);
        assertDeniedWithNothingWritten(aliceContext(UserWriteConfig.defaults(), data("email", List.of())), FAILED);
        assertDeniedWithNothingWritten(aliceContext(UserWriteConfig.defaults(), data("password", 1234)), FAILED);
    }

    @Test
    void arrive_valueThatIsNotJsonData_deniesAndWritesNothing() {
        var ctx = aliceContext(UserWriteConfig.defaults(), data("seen", Instant.EPOCH));

        assertDeniedWithNothingWritten(ctx, FAILED);
        assertDeniedWithNothingWritten(aliceContext(UserWriteConfig.defaults(),
                data("attributes", Map.of("pin", Secret.of("1")))), FAILED);
    }

    @Test
    void arrive_deniedWithPassword_removesPasswordFromPromptData() {
        var ctx = context(UserWriteConfig.defaults(), data("username", "x", "attributes", 1, "password", "pw"));

        deniedWith(ctx.apply(STAGE.arrive(ctx)), FAILED);

        assertThat(ctx.get(ContextKeys.PROMPT_DATA)).contains(Map.of("username", "x", "attributes", 1));
    }

    @Test
    void arrive_deletedPendingUserDuringUpdate_deniesWithoutCreating() {
        var writable = new InMemoryUsers();
        var ctx = aliceContext(UserWriteConfig.defaults(), data("name", "x")).withUserStore(writable);

        deniedWith(STAGE.arrive(ctx), FAILED);
        assertThat(writable.all()).isEmpty();
    }

    @Test
    void wireNames_roundTripAndInternalServiceAccountDowngrades() {
        for (UserCreationMode mode : UserCreationMode.values()) {
            assertThat(UserCreationMode.fromWireName(mode.wireName())).isEqualTo(mode);
        }
        for (UserType type : UserType.values()) {
            assertThat(UserType.fromWireName(type.wireName())).isEqualTo(type);
        }
        assertThat(UserCreationMode.CREATE_WHEN_REQUIRED.wireName()).isEqualTo("create_when_required");
        assertThat(UserType.SERVICE_ACCOUNT.wireName()).isEqualTo("service_account");
        assertThat(UserType.fromWireName("internal_service_account")).isEqualTo(UserType.SERVICE_ACCOUNT);
        assertThatThrownBy(() -> UserCreationMode.fromWireName("sometimes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sometimes'");
        assertThatThrownBy(() -> UserType.fromWireName("robot")).hasMessageContaining("'robot'");
    }

    @Test
    void definition_defaults_matchAuthentik() {
        var definition = UserWriteStage.definition("write", UserWriteConfig.defaults());

        assertThat(definition.type()).isEqualTo("builtin.user_write");
        assertThat(definition.config()).isEqualTo(new UserWriteConfig(UserCreationMode.CREATE_WHEN_REQUIRED, false, null,
                "", UserType.EXTERNAL));
        assertThat(STAGE.configType()).isEqualTo(UserWriteConfig.class);
    }

    @Test
    void arrive_passwordFieldsListedByAPrompt_areNeverStoredAndLeaveThePromptData() {
        var ctx = context(UserWriteConfig.defaults(), data("username", "dora", "pin", "1234", "password", "long secret 1"))
                .with(dev.flowstage.stages.prompt.PromptStage.SECRET_FIELDS, List.of("pin", "password"));

        User dora = written(ctx, STAGE.arrive(ctx));

        assertThat(dora.attributes()).doesNotContainKey("pin");
        assertThat(dora.passwordHash()).isNotNull();
        assertThat(ctx.get(ContextKeys.PROMPT_DATA).orElseThrow()).containsOnlyKeys("username");
        assertThat(ctx.get(dev.flowstage.stages.prompt.PromptStage.SECRET_FIELDS)).isEmpty();
    }

    @Test
    void arrive_createdUser_isMarkedAsCreatedInThisExecution() {
        var ctx = context(UserWriteConfig.defaults(), data("username", "carol"));

        User carol = written(ctx, STAGE.arrive(ctx));

        assertThat(ctx.get(UserWriteStage.CREATED_USER)).contains(carol.id());
        assertThat(UserWriteStage.CREATED_USER.name()).isEqualTo("user_write_created_user");
    }

    @Test
    void arrive_updatedUser_isNotMarkedAsCreated() {
        var ctx = aliceContext(UserWriteConfig.defaults(), data("name", "Alice Liddell"));

        written(ctx, STAGE.arrive(ctx));

        assertThat(ctx.get(UserWriteStage.CREATED_USER)).isEmpty();
    }

    @Test
    void arrive_updateAfterAnEarlierCreation_keepsTheMarkerOfTheCreatedUser() {
        var ctx = context(UserWriteConfig.defaults(), data("username", "carol"));
        User carol = written(ctx, STAGE.arrive(ctx));

        written(ctx, STAGE.arrive(ctx.with(ContextKeys.PROMPT_DATA, data("name", "Carol"))));

        assertThat(ctx.get(UserWriteStage.CREATED_USER)).contains(carol.id());
    }
}
