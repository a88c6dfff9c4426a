package dev.flowstage.stages.invitation;

import static dev.flowstage.stages.testing.Results.deniedWith;
import static dev.flowstage.stages.testing.Results.proceeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.Invitation;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.core.InMemoryInvitationStore;
import dev.flowstage.stages.testing.TestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InvitationStageTest {
    private static final InvitationStage STAGE = new InvitationStage();
    private static final InvitationConfig REQUIRED = InvitationConfig.defaults();
    private static final InvitationConfig OPTIONAL = InvitationConfig.defaults().withContinueFlowWithoutInvitation(true);
    private static final Clock CLOCK = Clock.fixed(TestContext.NOW, ZoneOffset.UTC);
    private static final Map<String, Object> FIXED = Map.of("email", "invitee@example.com", "attributes", Map.of("team", "red"));

    private final InMemoryInvitationStore store = new InMemoryInvitationStore();

    private Invitations.Issued issue(Duration validity, boolean singleUse, String flowSlug) {
        return Invitations.issue(store, Fixtures.seededRandom(3), CLOCK, "welcome", validity, singleUse, FIXED, flowSlug,
                "admin");
    }

    private String token(Invitations.Issued issued) {
        return issued.token().reveal();
    }

    private TestContext<InvitationConfig> context(InvitationConfig config, Map<String, String> query) {
        return TestContext.of(config).withService(InvitationStore.class, store)
                .withRequest(RequestInfo.anonymous().withQuery(query));
    }

    private static void assertAccepted(TestContext<InvitationConfig> ctx, StageResult result, Invitation invitation) {
        proceeded(ctx.apply(result));
        assertThat(ctx.get(InvitationStage.IN_EFFECT)).contains(true);
        assertThat(ctx.get(InvitationStage.INVITATION_ID)).contains(invitation.id());
    }

    @Test
    void arrive_itokenQuery_acceptsAndPutsFixedDataInPromptData() {
        var issued = issue(null, false, null);
        var ctx = context(REQUIRED, Map.of("itoken", token(issued)));

        assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
        assertThat(ctx.get(ContextKeys.PROMPT_DATA)).contains(FIXED);
    }

    @Test
    void arrive_tokenQuery_accepts() {
        var issued = issue(null, false, null);
        var ctx = context(REQUIRED, Map.of("token", token(issued)));

        assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
    }

    @Test
    void arrive_itokenAndToken_itokenWins() {
        var issued = issue(null, false, null);
        var ctx = context(REQUIRED, Map.of("itoken", token(issued), "token", "something-else"));

        assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
    }

    @Test
    void arrive_blankItoken_fallsBackToToken() {
        var issued = issue(null, false, null);
        var ctx = context(REQUIRED, Map.of("itoken", " ", "token", token(issued)));

        assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
    }

    @Test
    void arrive_promptDataToken_acceptsAndRemovesTokenFromPromptData() {
        var issued = issue(null, false, null);
        var ctx = context(REQUIRED, Map.of())
                .with(ContextKeys.PROMPT_DATA, Map.of("token", token(issued), "username", "newbie"));

        assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
        assertThat(ctx.get(ContextKeys.PROMPT_DATA).orElseThrow()).doesNotContainKey("token")
                .containsEntry("username", "newbie").containsEntry("email", "invitee@example.com");
    }

    @Test
    void arrive_fixedData_deepMergedIntoPromptDataAndWins() {
        var issued = issue(null, false, null);
        var ctx = context(REQUIRED, Map.of("itoken", token(issued))).with(ContextKeys.PROMPT_DATA, Map.of(
                "email", "typed@example.com", "username", "newbie", "attributes", Map.of("team", "blue", "size", "L")));

        assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
        assertThat(ctx.get(ContextKeys.PROMPT_DATA)).contains(Map.of(
                "email", "invitee@example.com", "username", "newbie", "attributes", Map.of("team", "red", "size", "L")));
    }

    @Test
    void arrive_noToken_deniesNotFoundOrContinuesWithoutChanges() {
        var required = context(REQUIRED, Map.of());
        var optional = context(OPTIONAL, Map.of());

        deniedWith(STAGE.arrive(required), "Invalid invite/invite not found");
        assertThat(proceeded(STAGE.arrive(optional)).update().isEmpty()).isTrue();
    }

    @Test
    void arrive_unknownToken_deniesNotFoundOrContinuesWithoutInvitation() {
        issue(null, false, null);
        var required = context(REQUIRED, Map.of("itoken", "not-a-token"));
        var optional = context(OPTIONAL, Map.of("itoken", "not-a-token"));

        deniedWith(STAGE.arrive(required), "Invalid invite/invite not found");
        proceeded(optional.apply(STAGE.arrive(optional)));
        assertThat(optional.get(InvitationStage.IN_EFFECT)).isEmpty();
    }

    @Test
    void arrive_unknownPromptToken_continuesAndRemovesToken() {
        var ctx = context(OPTIONAL, Map.of()).with(ContextKeys.PROMPT_DATA, Map.of("token", "nope", "username", "x"));

        proceeded(ctx.apply(STAGE.arrive(ctx)));

        assertThat(ctx.get(ContextKeys.PROMPT_DATA)).contains(Map.of("username", "x"));
        assertThat(ctx.get(InvitationStage.IN_EFFECT)).isEmpty();
    }

    @Test
    void arrive_expiredInvitation_deniesExpiredOrContinues() {
        var issued = issue(Duration.ofHours(1), false, null);
        var later = Clock.offset(CLOCK, Duration.ofHours(1));
        var required = context(REQUIRED, Map.of("itoken", token(issued))).withClock(later);
        var optional = context(OPTIONAL, Map.of("itoken", token(issued))).withClock(later);

        deniedWith(STAGE.arrive(required), "This invitation has expired.");
        assertThat(proceeded(STAGE.arrive(optional)).update().isEmpty()).isTrue();
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void arrive_invitationJustBeforeExpiry_accepted() {
        var issued = issue(Duration.ofHours(1), true, null);
        var ctx = context(REQUIRED, Map.of("itoken", token(issued)));

        assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
    }

    @Test
    void arrive_invitationForAnotherFlow_deniesNotValidForFlowOrContinues() {
        var issued = issue(null, true, "partner-enrollment");
        var required = context(REQUIRED, Map.of("itoken", token(issued)));
        var optional = context(OPTIONAL, Map.of("itoken", token(issued)));

        deniedWith(STAGE.arrive(required), "This invitation is not valid for this flow.");
        proceeded(STAGE.arrive(optional));
        assertThat(store.list()).containsExactly(issued.invitation());
    }

    @Test
    void arrive_invitationForThisFlow_accepted() {
        var issued = issue(null, false, "partner-enrollment");
        var ctx = context(REQUIRED, Map.of("itoken", token(issued))).inFlow("partner-enrollment");

        assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
    }

    @Test
    void arrive_singleUseTwice_consumedThenNotFound() {
        var issued = issue(null, true, null);
        var first = context(REQUIRED, Map.of("itoken", token(issued)));
        var second = context(REQUIRED, Map.of("itoken", token(issued)));

        assertAccepted(first, STAGE.arrive(first), issued.invitation());
        assertThat(store.list()).isEmpty();
        deniedWith(STAGE.arrive(second), "Invalid invite/invite not found");
    }

    @Test
    void arrive_singleUseConsumedBetweenLookupAndConsume_deniesAlreadyUsed() {
        var issued = issue(null, true, null);
        var ctx = TestContext.of(OPTIONAL).withService(InvitationStore.class, new LosingStore(store))
                .withRequest(RequestInfo.anonymous().withQuery(Map.of("itoken", token(issued))));

        deniedWith(STAGE.arrive(ctx), "This invitation was already used.");
    }

    @Test
    void arrive_eightExecutionsRaceForSingleUseInvitation_exactlyOneProceeds() throws Exception {
        var issued = issue(null, true, null);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<StageResult>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                var ctx = context(REQUIRED, Map.of("itoken", token(issued)));
                Callable<StageResult> race = () -> {
                    start.await();
                    return STAGE.arrive(ctx);
                };
                results.add(pool.submit(race));
            }
            start.countDown();
            List<StageResult> outcomes = new ArrayList<>();
            for (Future<StageResult> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(StageResult.Proceed.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(StageResult.Deny.class::isInstance).hasSize(racers - 1)
                    .allSatisfy(denied -> assertThat(((StageResult.Deny) denied).message()).isIn(
                            "This invitation was already used.", "Invalid invite/invite not found"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void arrive_reusableInvitation_acceptedRepeatedlyAndKept() {
        var issued = issue(Duration.ofDays(7), false, null);

        for (int i = 0; i < 3; i++) {
            var ctx = context(REQUIRED, Map.of("itoken", token(issued)));
            assertAccepted(ctx, STAGE.arrive(ctx), issued.invitation());
        }
        assertThat(store.list()).containsExactly(issued.invitation());
    }

    @Test
    void definition_defaults_requireInvitation() {
        var definition = InvitationStage.definition("invite", InvitationConfig.defaults());

        assertThat(definition.type()).isEqualTo("builtin.invitation");
        assertThat(definition.config()).isEqualTo(new InvitationConfig(false));
        assertThat(STAGE.contextKeys()).containsExactlyInAnyOrder(InvitationStage.IN_EFFECT, InvitationStage.INVITATION_ID);
    }

    /** Finds invitations but loses every consume, as when another execution consumed it first. */
    private record LosingStore(InvitationStore delegate) implements InvitationStore {
        @Override public void save(Invitation invitation) { delegate.save(invitation); }
        @Override public Optional<Invitation> findByTokenHash(String hash) { return delegate.findByTokenHash(hash); }
        @Override public boolean consume(String id) { return false; }
        @Override public List<Invitation> list() { return delegate.list(); }
    }
}
