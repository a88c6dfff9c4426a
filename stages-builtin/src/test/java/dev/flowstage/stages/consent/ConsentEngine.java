package dev.flowstage.stages.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngineBuilder;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryConsentStore;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.spi.ConsentStore;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real engine serving authorization flows ({@code require_authenticated}) of an OAuth-request
 * stand-in followed by a consent stage in each mode, with users alice and bob, an in-memory
 * consent store and a clock the test moves. Records every result as protocol JSON.
 */
final class ConsentEngine implements AutoCloseable {
    static final String EXPIRING = "authorize-expiring";
    static final String PERMANENT = "authorize-permanent";
    static final String ALWAYS = "authorize-always";

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T07:08:09Z"));
    final InMemoryConsentStore consents = new InMemoryConsentStore();
    final FlowEngine engine;
    private final List<String> transcript = new ArrayList<>();

    /** Builds the engine; {@code withStore} false leaves out the consent store service. */
    ConsentEngine(boolean withStore) {
        FlowEngineBuilder builder = FlowEngines.builder().clock(clock).random(Fixtures.seededRandom(23))
                .users(new InMemoryUserDirectory().put(Fixtures.alice()).put(Fixtures.bob()))
                .stages(BuiltinStages.all()).stage(new ConsentStage()).stage(new OAuthRequestStage())
                .flow(authorization(EXPIRING, ConsentConfig.defaults()))
                .flow(authorization(PERMANENT, ConsentConfig.defaults().withMode(ConsentMode.PERMANENT)))
                .flow(authorization(ALWAYS, ConsentConfig.defaults().withMode(ConsentMode.ALWAYS_REQUIRE)));
        if (withStore) {
            builder.service(ConsentStore.class, consents);
        }
        engine = builder.build();
    }

    ConsentEngine() {
        this(true);
    }

    /** Returns an authorization flow that asks consent with {@code config} after the OAuth request. */
    static FlowDefinition authorization(String slug, ConsentConfig config) {
        return FlowDefinition.builder(slug).title("Redirecting to %(app)s").designation(Designation.AUTHORIZATION)
                .authentication(AuthenticationRequirement.REQUIRE_AUTHENTICATED)
                .stage(10, OAuthRequestStage.definition("oauth-request"))
                .stage(20, ConsentStage.definition("consent", config))
                .build();
    }

    /** Starts {@code slug} as signed-in {@code userId} authorizing {@code clientId} for {@code scope} (null: no client). */
    FlowResult authorize(String slug, String userId, String clientId, String scope) {
        RequestInfo request = RequestInfo.anonymous().withQuery(clientId == null ? Map.of()
                : Map.of("client_id", clientId, "scope", scope));
        return record(engine.start(slug, userId == null ? request : request.withAuthenticatedUser(userId)));
    }

    /** Posts {@code data} to the execution of {@code pending} as alice. */
    FlowResult submit(FlowResult pending, Map<String, ?> data) {
        assertThat(pending).as("submitting to a finished execution").isInstanceOf(FlowResult.Pending.class);
        return record(engine.submit(pending.executionId(), ChallengeResponse.of(data),
                RequestInfo.anonymous().withAuthenticatedUser("u-alice")));
    }

    /** Posts the token of {@code pending}'s consent challenge back. */
    FlowResult consent(FlowResult pending) {
        return submit(pending, Map.of("component", ConsentStage.COMPONENT, "token", consentChallenge(pending).field("token")));
    }

    /** Asserts {@code result} waits at the consent stage and returns its challenge. */
    static Challenge consentChallenge(FlowResult result) {
        assertThat(result).as("result %s", result.challenge().fields()).isInstanceOf(FlowResult.Pending.class);
        assertThat(result.challenge().component()).isEqualTo(ConsentStage.COMPONENT);
        return result.challenge();
    }

    /** Returns every result so far as protocol JSON. */
    List<String> transcript() {
        return List.copyOf(transcript);
    }

    @Override
    public void close() {
        engine.close();
    }

    private FlowResult record(FlowResult result) {
        transcript.add(engine.toJson(result));
        return result;
    }
}
