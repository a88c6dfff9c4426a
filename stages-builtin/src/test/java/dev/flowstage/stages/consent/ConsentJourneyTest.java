package dev.flowstage.stages.consent;

import static dev.flowstage.stages.consent.ConsentEngine.consentChallenge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.UserConsent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Authorization journeys through a real engine: consent is asked on the first visit and remembered as the mode says. */
class ConsentJourneyTest {
    private static final String ALICE = "u-alice";
    private static final String APP = "grafana";
    private static final Map<String, Object> OPENID = Map.of("id", "openid", "name", "Sign you in");
    private static final Map<String, Object> EMAIL = Map.of("id", "email", "name", "Read your email address");

    private final ConsentEngine kit = new ConsentEngine();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void authorize_firstVisitThenSecond_asksConsentOnlyOnTheFirst() {
        FlowResult first = kit.authorize(ConsentEngine.EXPIRING, ALICE, APP, "openid email");
        Challenge challenge = consentChallenge(first);
        assertThat(challenge.field("header_text")).isEqualTo("You're about to sign into grafana.");
        assertThat(challenge.field("permissions")).isEqualTo(List.of(OPENID, EMAIL));
        assertThat(challenge.field("additional_permissions")).isEqualTo(List.of());
        assertThat(challenge.field("pending_user")).isEqualTo("alice");
        assertThat(challenge.flowInfo().title()).isEqualTo("Redirecting to grafana");

        assertThat(kit.consent(first)).isInstanceOf(FlowResult.Completed.class);
        assertThat(kit.consents.find(ALICE, APP)).contains(new UserConsent(ALICE, APP, Set.of("openid", "email"),
                kit.clock.instant().plus(Duration.ofDays(28))));

        FlowResult second = kit.authorize(ConsentEngine.EXPIRING, ALICE, APP, "email openid");
        assertThat(second).as("the second visit asks nothing").isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void authorize_anotherUser_isAskedForTheirOwnConsent() {
        kit.consent(kit.authorize(ConsentEngine.PERMANENT, ALICE, APP, "openid"));

        consentChallenge(kit.authorize(ConsentEngine.PERMANENT, "u-bob", APP, "openid"));
    }

    @Test
    void authorize_wrongToken_reShowsTheConsentWithANonFieldError() {
        FlowResult first = kit.authorize(ConsentEngine.PERMANENT, ALICE, APP, "openid");
        Object token = consentChallenge(first).field("token");

        FlowResult rejected = kit.submit(first, Map.of("token", "00000000-0000-4000-8000-000000000000"));

        Challenge again = consentChallenge(rejected);
        assertThat(again.responseErrors()).isEqualTo(ResponseErrors.nonField(ConsentStage.INVALID_TOKEN, "invalid"));
        assertThat(again.field("token")).isEqualTo(token);
        assertThat(kit.consents.find(ALICE, APP)).isEmpty();
        assertThat(kit.consent(rejected)).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void authorize_afterTheConsentExpired_asksAgain() {
        kit.consent(kit.authorize(ConsentEngine.EXPIRING, ALICE, APP, "openid"));
        kit.clock.advance(Duration.ofDays(27));
        assertThat(kit.authorize(ConsentEngine.EXPIRING, ALICE, APP, "openid")).isInstanceOf(FlowResult.Completed.class);

        kit.clock.advance(Duration.ofDays(1));

        Challenge challenge = consentChallenge(kit.authorize(ConsentEngine.EXPIRING, ALICE, APP, "openid"));
        assertThat(challenge.field("permissions")).isEqualTo(List.of(OPENID));
    }

    @Test
    void authorize_moreScopesThanConsentedTo_asksForTheAdditionalOnes() {
        kit.consent(kit.authorize(ConsentEngine.PERMANENT, ALICE, APP, "openid"));

        FlowResult wider = kit.authorize(ConsentEngine.PERMANENT, ALICE, APP, "openid email");

        Challenge challenge = consentChallenge(wider);
        assertThat(challenge.field("permissions")).isEqualTo(List.of(OPENID));
        assertThat(challenge.field("additional_permissions")).isEqualTo(List.of(EMAIL));
        kit.consent(wider);
        assertThat(kit.consents.find(ALICE, APP)).contains(UserConsent.permanent(ALICE, APP, Set.of("openid", "email")));
        assertThat(kit.authorize(ConsentEngine.PERMANENT, ALICE, APP, "openid email")).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void authorize_alwaysRequire_asksOnEveryVisitAndRemembersNothing() {
        kit.consent(kit.authorize(ConsentEngine.ALWAYS, ALICE, APP, "openid"));

        consentChallenge(kit.authorize(ConsentEngine.ALWAYS, ALICE, APP, "openid"));
        assertThat(kit.consents.find(ALICE, APP)).isEmpty();
    }

    @Test
    void authorize_withoutAnApplication_asksOnEveryVisit() {
        kit.consent(kit.authorize(ConsentEngine.PERMANENT, ALICE, null, null));

        Challenge challenge = consentChallenge(kit.authorize(ConsentEngine.PERMANENT, ALICE, null, null));
        assertThat(challenge.field("permissions")).isEqualTo(List.of());
        assertThat(challenge.fields()).doesNotContainKey("header_text");
    }

    @Test
    void authorize_anonymous_isDeniedBeforeTheConsent() {
        FlowResult result = kit.authorize(ConsentEngine.EXPIRING, null, APP, "openid");

        assertThat(result).isInstanceOf(FlowResult.Denied.class);
        assertThat(kit.consents.find(ALICE, APP)).isEmpty();
    }

    @Test
    void authorize_withoutAConsentStore_failsClosed() {
        try (ConsentEngine storeless = new ConsentEngine(false)) {
            FlowResult result = storeless.authorize(ConsentEngine.EXPIRING, ALICE, APP, "openid");

            assertThat(result).isInstanceOf(FlowResult.Denied.class);
            assertThat(result.challenge().component()).isEqualTo("ak-stage-access-denied");
            assertThat(consentChallengeOrNull(storeless.authorize(ConsentEngine.ALWAYS, ALICE, APP, "openid")))
                    .as("always_require needs no store").isNotNull();
        }
    }

    private static Challenge consentChallengeOrNull(FlowResult result) {
        return result instanceof FlowResult.Pending ? consentChallenge(result) : null;
    }
}
