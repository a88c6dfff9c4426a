package dev.flowstage.stages.consent;

import static dev.flowstage.stages.consent.ConsentContexts.ALICE;
import static dev.flowstage.stages.consent.ConsentContexts.APP;
import static dev.flowstage.stages.consent.ConsentContexts.EMAIL;
import static dev.flowstage.stages.consent.ConsentContexts.OPENID;
import static dev.flowstage.stages.consent.ConsentContexts.PROFILE;
import static dev.flowstage.stages.consent.ConsentContexts.accept;
import static dev.flowstage.stages.consent.ConsentContexts.asking;
import static dev.flowstage.stages.consent.ConsentContexts.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.UserConsent;
import dev.flowstage.core.InMemoryConsentStore;
import dev.flowstage.spi.ConsentStore;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MutableClock;
import dev.flowstage.stages.testing.Results;
import dev.flowstage.stages.testing.TestContext;
import dev.flowstage.stages.internal.StageSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsentStageTest {
    private static final ConsentStage STAGE = new ConsentStage();
    private static final ConsentConfig EXPIRING = ConsentConfig.defaults();
    private static final ConsentConfig PERMANENT = ConsentConfig.defaults().withMode(ConsentMode.PERMANENT);
    private static final ConsentConfig ALWAYS = ConsentConfig.defaults().withMode(ConsentMode.ALWAYS_REQUIRE);

    private final InMemoryConsentStore store = new InMemoryConsentStore();

    @Test
    void arrive_noPendingAndNoSignedInUser_deniesNoPendingUser() {
        TestContext<ConsentConfig> ctx = TestContext.of(EXPIRING).withService(ConsentStore.class, store);

        Results.deniedWith(STAGE.arrive(ctx), ConsentStage.NO_PENDING_USER);
    }

    @Test
    void arrive_expiringWithoutStoredConsent_promptsWithEveryPermissionAndNoneAdditional() {
        TestContext<ConsentConfig> ctx = asking(EXPIRING, store, OPENID, EMAIL);

        Results.shown(ctx.apply(STAGE.arrive(ctx)));
        Challenge challenge = STAGE.challenge(ctx);

        assertThat(challenge.component()).isEqualTo(ConsentStage.COMPONENT);
        assertThat(challenge.field("permissions")).isEqualTo(listed(OPENID, EMAIL));
        assertThat(challenge.field("additional_permissions")).isEqualTo(List.of());
        assertThat(challenge.field("pending_user")).isEqualTo("alice");
        assertThat((String) challenge.field("token")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(challenge.fields()).doesNotContainKey("header_text");
    }

    @Test
    void submit_expiringWithValidToken_savesConsentExpiringAfterConsentExpireInAndProceeds() {
        ConsentConfig config = EXPIRING.withConsentExpireIn(Duration.ofDays(3));
        TestContext<ConsentConfig> ctx = asking(config, store, OPENID, EMAIL);
        ctx.apply(STAGE.arrive(ctx));

        Results.proceeded(ctx.apply(STAGE.submit(ctx, accept(STAGE.challenge(ctx)))));

        assertThat(store.find(ALICE, APP)).contains(
                new UserConsent(ALICE, APP, Set.of("openid", "email"), TestContext.NOW.plus(Duration.ofDays(3))));
        assertThat(ctx.get(ConsentStage.TOKEN)).as("the prompt's token is dropped").isEmpty();
    }

    @Test
    void submit_permanentWithValidToken_savesConsentWithoutExpiry() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID);
        ctx.apply(STAGE.arrive(ctx));

        Results.proceeded(STAGE.submit(ctx, accept(STAGE.challenge(ctx))));

        assertThat(store.find(ALICE, APP)).contains(UserConsent.permanent(ALICE, APP, Set.of("openid")));
    }

    @Test
    void arrive_alwaysRequireWithMatchingStoredConsent_promptsAnyway() {
        store.save(UserConsent.permanent(ALICE, APP, Set.of("openid")));
        TestContext<ConsentConfig> ctx = asking(ALWAYS, store, OPENID);

        Results.shown(ctx.apply(STAGE.arrive(ctx)));

        assertThat(STAGE.challenge(ctx).field("permissions")).isEqualTo(listed(OPENID));
    }

    @Test
    void submit_alwaysRequire_savesNothingAndProceeds() {
        TestContext<ConsentConfig> ctx = asking(ALWAYS, store, OPENID);
        ctx.apply(STAGE.arrive(ctx));

        Results.proceeded(STAGE.submit(ctx, accept(STAGE.challenge(ctx))));

        assertThat(store.find(ALICE, APP)).isEmpty();
    }

    @Test
    void alwaysRequire_withoutConsentStoreService_promptsAndProceeds() {
        TestContext<ConsentConfig> ctx = asking(ALWAYS, store, OPENID).withoutServices();

        Results.shown(ctx.apply(STAGE.arrive(ctx)));
        Results.proceeded(STAGE.submit(ctx, accept(STAGE.challenge(ctx))));
    }

    @ParameterizedTest
    @EnumSource(value = ConsentMode.class, names = {"PERMANENT", "EXPIRING"})
    void arrive_rememberingModeWithMatchingConsent_proceedsWithoutPrompt(ConsentMode mode) {
        store.save(new UserConsent(ALICE, APP, Set.of("email", "openid"), TestContext.NOW.plusSeconds(1)));
        TestContext<ConsentConfig> ctx = asking(EXPIRING.withMode(mode), store, OPENID, EMAIL);

        Results.proceeded(STAGE.arrive(ctx));
    }

    @Test
    void arrive_expiredConsent_promptsAgainWithEveryPermission() {
        MutableClock clock = new MutableClock(TestContext.NOW);
        TestContext<ConsentConfig> ctx = asking(EXPIRING, store, OPENID).withClock(clock);
        ctx.apply(STAGE.arrive(ctx));
        STAGE.submit(ctx, accept(STAGE.challenge(ctx)));
        TestContext<ConsentConfig> revisit = asking(EXPIRING, store, OPENID).withClock(clock);
        Results.proceeded(STAGE.arrive(revisit));

        clock.advance(Duration.ofDays(28));

        Results.shown(revisit.apply(STAGE.arrive(revisit)));
        assertThat(STAGE.challenge(revisit).field("permissions")).isEqualTo(listed(OPENID));
        assertThat(STAGE.challenge(revisit).field("additional_permissions")).isEqualTo(List.of());
    }

    @Test
    void arrive_storedConsentLacksRequestedPermissions_promptsWithGrantedAndAdditional() {
        store.save(UserConsent.permanent(ALICE, APP, Set.of("openid")));
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID, EMAIL, PROFILE);

        Results.shown(ctx.apply(STAGE.arrive(ctx)));
        Challenge challenge = STAGE.challenge(ctx);

        assertThat(challenge.field("permissions")).isEqualTo(listed(OPENID));
        assertThat(challenge.field("additional_permissions")).isEqualTo(listed(EMAIL, PROFILE));
    }

    @Test
    void submit_afterAdditionalPermissions_savesEveryRequestedPermission() {
        store.save(UserConsent.permanent(ALICE, APP, Set.of("openid")));
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID, EMAIL);
        ctx.apply(STAGE.arrive(ctx));

        Results.proceeded(ctx.apply(STAGE.submit(ctx, accept(STAGE.challenge(ctx)))));

        assertThat(store.find(ALICE, APP)).contains(UserConsent.permanent(ALICE, APP, Set.of("openid", "email")));
        assertThat(ctx.get(ConsentStage.ADDITIONAL)).isEmpty();
    }

    @Test
    void arrive_storedConsentHasMorePermissionsThanRequested_promptsWithNoneAdditional() {
        store.save(UserConsent.permanent(ALICE, APP, Set.of("openid", "email")));
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID);

        Results.shown(ctx.apply(STAGE.arrive(ctx)));

        assertThat(STAGE.challenge(ctx).field("permissions")).isEqualTo(listed(OPENID));
        assertThat(STAGE.challenge(ctx).field("additional_permissions")).isEqualTo(List.of());
    }

    @Test
    void arrive_consentToAnotherApplication_prompts() {
        store.save(UserConsent.permanent(ALICE, "other-app", Set.of("openid")));
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID);

        Results.shown(STAGE.arrive(ctx));
    }

    @Test
    void arrive_noApplication_promptsAndSubmitSavesNothing() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID).with(ContextKeys.APPLICATION, null);
        store.save(UserConsent.permanent(ALICE, APP, Set.of("openid")));

        Results.shown(ctx.apply(STAGE.arrive(ctx)));
        store.delete(ALICE, APP);
        Results.proceeded(STAGE.submit(ctx, accept(STAGE.challenge(ctx))));

        assertThat(store.find(ALICE, APP)).isEmpty();
    }

    @Test
    void arrive_signedInRequesterWithoutPendingUser_remembersTheRequestersConsent() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID).with(ContextKeys.PENDING_USER, null)
                .withRequest(RequestInfo.anonymous().withAuthenticatedUser(ALICE));
        ctx.apply(STAGE.arrive(ctx));

        assertThat(STAGE.challenge(ctx).field("pending_user")).isEqualTo("alice");
        Results.proceeded(STAGE.submit(ctx, accept(STAGE.challenge(ctx))));

        assertThat(store.find(ALICE, APP)).isPresent();
    }

    @Test
    void pendingUser_winsOverTheSignedInRequester() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID).withUser(Fixtures.bob())
                .withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-bob"));
        ctx.apply(STAGE.arrive(ctx));

        STAGE.submit(ctx, accept(STAGE.challenge(ctx)));

        assertThat(store.find(ALICE, APP)).isPresent();
        assertThat(store.find("u-bob", APP)).isEmpty();
    }

    @Test
    void pretendPendingUser_isPromptedButNothingIsRemembered() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID)
                .with(ContextKeys.PENDING_USER, PendingUser.pretend("mallory"));

        Results.shown(ctx.apply(STAGE.arrive(ctx)));
        assertThat(STAGE.challenge(ctx).field("pending_user")).isEqualTo("mallory");
        Results.proceeded(STAGE.submit(ctx, accept(STAGE.challenge(ctx))));
    }

    @Test
    void submit_wrongToken_reShowsPromptWithNonFieldErrorAndSavesNothing() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID);
        ctx.apply(STAGE.arrive(ctx));
        String token = (String) STAGE.challenge(ctx).field("token");

        Results.rejectedWith(ctx.apply(STAGE.submit(ctx, ChallengeResponse.of(Map.of("token", token + "x")))),
                ResponseErrors.nonField(ConsentStage.INVALID_TOKEN, "invalid"));

        assertThat(store.find(ALICE, APP)).isEmpty();
        assertThat(STAGE.challenge(ctx).field("token")).as("the prompt keeps its token").isEqualTo(token);
        Results.proceeded(STAGE.submit(ctx, ChallengeResponse.of(Map.of("token", token))));
    }

    @Test
    void submit_tokenOfAnEarlierArrival_isRejected() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID);
        ctx.apply(STAGE.arrive(ctx));
        ChallengeResponse stale = accept(STAGE.challenge(ctx));
        ctx.apply(STAGE.arrive(ctx));

        Results.rejectedWith(STAGE.submit(ctx, stale), ResponseErrors.nonField(ConsentStage.INVALID_TOKEN, "invalid"));
    }

    @Test
    void submit_missingBlankOrNonTextToken_isAFieldErrorOnToken() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID);
        ctx.apply(STAGE.arrive(ctx));

        Results.rejectedWith(STAGE.submit(ctx, ChallengeResponse.empty()), ResponseErrors.of("token", StageSupport.REQUIRED));
        Results.rejectedWith(STAGE.submit(ctx, ChallengeResponse.of(Map.of("token", " "))),
                ResponseErrors.of("token", new ErrorDetail("This field may not be blank.", "blank")));
        Results.rejectedWith(STAGE.submit(ctx, ChallengeResponse.of(Map.of("token", List.of("a")))),
                ResponseErrors.invalid("token", "Not a valid string."));
    }

    @Test
    void submit_withoutArrival_rejectsEveryToken() {
        TestContext<ConsentConfig> ctx = asking(PERMANENT, store, OPENID);

        Results.rejectedWith(STAGE.submit(ctx, ChallengeResponse.of(Map.of("token", "anything"))),
                ResponseErrors.nonField(ConsentStage.INVALID_TOKEN, "invalid"));
    }

    @Test
    void arrive_twice_drawsAFreshTokenEachTime() {
        TestContext<ConsentConfig> ctx = asking(EXPIRING, store, OPENID);
        ctx.apply(STAGE.arrive(ctx));
        Object first = STAGE.challenge(ctx).field("token");

        ctx.apply(STAGE.arrive(ctx));

        assertThat(STAGE.challenge(ctx).field("token")).isNotEqualTo(first);
    }

    @Test
    void challenge_withHeaderAndNoPermissions_carriesHeaderTextAndEmptyLists() {
        TestContext<ConsentConfig> ctx = asking(EXPIRING, store).with(ConsentStage.HEADER, "Grafana wants to know who you are");
        ctx.apply(STAGE.arrive(ctx));

        Challenge challenge = STAGE.challenge(ctx);

        assertThat(challenge.field("header_text")).isEqualTo("Grafana wants to know who you are");
        assertThat(challenge.field("permissions")).isEqualTo(List.of());
        assertThat(challenge.field("additional_permissions")).isEqualTo(List.of());
    }

    @Test
    void challenge_permissionsAsPersistedMapsWithDuplicatesAndNoName_listsEachIdOnceNamedByIdIfUnnamed() {
        TestContext<ConsentConfig> ctx = asking(EXPIRING, store).withRaw("consent_permissions", List.of(
                Map.of("id", "openid", "name", "Sign you in"), Map.of("id", "openid", "name", "again"), Map.of("id", "email")));
        ctx.apply(STAGE.arrive(ctx));

        assertThat(STAGE.challenge(ctx).field("permissions"))
                .isEqualTo(listed(OPENID, ConsentPermission.of("email", "email")));
    }

    @Test
    void challenge_malformedPermissions_failsNamingTheEntry() {
        TestContext<ConsentConfig> ctx = asking(EXPIRING, store)
                .withRaw("consent_permissions", List.of(Map.of("id", "openid", "name", "ok"), Map.of("name", "no id")));
        ctx.apply(STAGE.arrive(ctx));

        assertThatThrownBy(() -> STAGE.challenge(ctx)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("consent_permissions").hasMessageContaining("entry 1");
    }

    @Test
    void arrive_rememberingModeWithoutConsentStoreService_failsClosed() {
        TestContext<ConsentConfig> ctx = asking(EXPIRING, store, OPENID).withoutServices();

        assertThatThrownBy(() -> STAGE.arrive(ctx)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ConsentStore.class.getName());
    }

    @Test
    void challenge_beforeArrival_failsNamingTheStage() {
        TestContext<ConsentConfig> ctx = asking(EXPIRING, store, OPENID).named("consent");

        assertThatThrownBy(() -> STAGE.challenge(ctx)).isInstanceOf(IllegalStateException.class)
                .hasMessage("consent stage 'consent' has no token");
    }
}
