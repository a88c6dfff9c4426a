package dev.flowstage.stages.consent;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.core.InMemoryConsentStore;
import dev.flowstage.spi.ConsentStore;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import java.util.List;
import java.util.Map;

/** Stage contexts and answers for consent stage tests: alice pending, an application asking for permissions. */
final class ConsentContexts {
    static final String APP = "grafana";
    static final ConsentPermission OPENID = ConsentPermission.of("openid", "Sign you in");
    static final ConsentPermission EMAIL = ConsentPermission.of("email", "Read your email address");
    static final ConsentPermission PROFILE = ConsentPermission.of("profile", "Read your name and username");
    static final String ALICE = "u-alice";

    private ConsentContexts() {}

    /** Returns a context with alice pending, {@link #APP} asking for {@code permissions}, and {@code store} as the service. */
    static TestContext<ConsentConfig> asking(ConsentConfig config, ConsentStore store, ConsentPermission... permissions) {
        TestContext<ConsentConfig> ctx = TestContext.of(config).withUser(Fixtures.alice())
                .with(ContextKeys.PENDING_USER, PendingUser.of(Fixtures.alice()))
                .withService(ConsentStore.class, store);
        ctx.apply(StageResult.show(ConsentStage.requestConsent(APP, List.of(permissions))));
        return ctx;
    }

    /** Returns a context like {@link #asking} with a fresh in-memory store. */
    static TestContext<ConsentConfig> asking(ConsentConfig config, ConsentPermission... permissions) {
        return asking(config, new InMemoryConsentStore(), permissions);
    }

    /** Returns the response posting back the token of {@code challenge}. */
    static ChallengeResponse accept(Challenge challenge) {
        return ChallengeResponse.of(Map.of("token", challenge.field("token")));
    }

    /** Returns {@code permissions} as the challenge lists them. */
    static List<Map<String, Object>> listed(ConsentPermission... permissions) {
        return ConsentPermission.toContextValue(List.of(permissions));
    }
}
