package dev.flowstage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

class SignInProperties {
    private static final String PASSWORD = "correct horse";
    private static FlowKit kit;

    @BeforeContainer
    static void startKit() {
        kit = FlowKit.builder().transcriptName("SignInProperties").flow(SignInFlows.login())
                .user("alice", PASSWORD).user("bob", "bob's password").build();
    }

    @AfterContainer
    static void closeKit() {
        kit.close();
    }

    /** Spreads the tries an hour apart, so that the kit's attempt limiter forgets earlier tries' wrong passwords. */
    @BeforeTry
    void spreadTriesOut() {
        kit.clock().advance(Duration.ofHours(1));
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> responses() {
        List<Object> identifiers = new ArrayList<>(List.of("alice", "ALICE", "alice@example.com", "bob", "mallory", ""));
        List<Object> passwords = new ArrayList<>(List.of(PASSWORD, "bob's password", "Correct horse", "correct horse ", ""));
        identifiers.addAll(FlowArbitraries.junk());
        passwords.addAll(FlowArbitraries.junk());
        return FlowArbitraries.responseSequences(Map.of("uid_field", identifiers, "password", passwords), 8);
    }

    @Property(tries = 300)
    void loginCompletesOnlyAfterTheRightPasswordForTheIdentifiedUser(@ForAll("responses") List<Map<String, Object>> responses) {
        FlowRun run = FlowRun.drive(kit, SignInFlows.LOGIN, responses);
        Statistics.label("outcome").collect(run.loggedIn() ? "logged in" : run.last().getClass().getSimpleName())
                .coverage(coverage -> coverage.check("logged in").percentage(p -> p > 1.0));
        if (!run.loggedIn()) {
            return;
        }
        String userId = run.completed().orElseThrow().login().orElseThrow().userId();
        String expected = userId.equals(kit.users().get("alice").id()) ? PASSWORD : "bob's password";
        assertThat(run.sent()).as("the right password was submitted").anyMatch(response -> expected.equals(response.get("password")));
        assertThat(run.verifiedCredentials()).contains("default-authentication-password");
    }

    @Property(tries = 200)
    void everyResultIsAChallengeOrAnOutcome_neverAnException(@ForAll("responses") List<Map<String, Object>> responses) {
        FlowRun run = FlowRun.drive(kit, SignInFlows.LOGIN, responses);
        for (FlowResult result : run.results()) {
            assertThat(result.challenge().component()).isIn(
                    "ak-stage-identification", "ak-stage-password", "xak-flow-redirect", "ak-stage-access-denied");
            if (result instanceof FlowResult.Denied denied) {
                assertThat(denied.message()).isEqualTo("Invalid password");
            }
        }
    }
}
