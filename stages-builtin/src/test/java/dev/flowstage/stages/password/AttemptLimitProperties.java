package dev.flowstage.stages.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryAttemptLimiter;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the timing of wrong passwords, across executions and client addresses, the client gets
 * the same answers for an existing account as for an identifier nobody has: the limiter does not
 * reveal which accounts exist.
 */
class AttemptLimitProperties {

    /** One wrong password in a new execution, {@code secondsLater} after the previous one, from one of three addresses. */
    record Guess(int secondsLater, int address) {}

    @Provide
    Arbitrary<Guess> guesses() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 120).edgeCases(edges -> edges.add(30)),
                Arbitraries.integers().between(0, 2)).as(Guess::new);
    }

    @Property(tries = 60)
    void wrongPasswords_knownAndUnknownIdentifiers_getTheSameAnswers(
            @ForAll @Size(max = 14) List<@From("guesses") Guess> guesses, @ForAll boolean inlinePassword) {
        assertThat(answers("alice", guesses, inlinePassword)).isEqualTo(answers("nobody", guesses, inlinePassword));
    }

    private static List<String> answers(String uid, List<Guess> guesses, boolean inlinePassword) {
        MutableClock clock = new MutableClock(Instant.parse("2026-07-08T09:10:11Z"));
        List<String> answers = new ArrayList<>();
        try (FlowEngine engine = engine(clock, inlinePassword)) {
            int attempt = 0;
            for (Guess guess : guesses) {
                clock.advance(Duration.ofSeconds(guess.secondsLater()));
                RequestInfo request = RequestInfo.anonymous().withClientIp("192.0.2." + guess.address());
                FlowResult result = engine.start("login", request);
                Map<String, Object> identification = inlinePassword
                        ? Map.of("uid_field", uid, "password", "guess" + attempt)
                        : Map.of("uid_field", uid);
                result = engine.submit(result.executionId(), ChallengeResponse.of(identification), request);
                if (!inlinePassword) {
                    result = engine.submit(result.executionId(),
                            ChallengeResponse.of(Map.of("password", "guess" + attempt)), request);
                }
                answers.add(result.getClass().getSimpleName() + " " + result.challenge().component() + " "
                        + result.challenge().responseErrors().asMap());
                attempt++;
            }
        }
        return answers;
    }

    private static FlowEngine engine(MutableClock clock, boolean inlinePassword) {
        var flow = FlowDefinition.builder("login").title("Welcome").designation(Designation.AUTHENTICATION)
                .stage(10, IdentificationStage.definition("identification",
                        IdentificationConfig.defaults().withPasswordField(inlinePassword)));
        if (!inlinePassword) {
            flow.stage(20, PasswordStage.definition("password", PasswordConfig.defaults()));
        }
        return FlowEngines.builder().clock(clock).random(Fixtures.seededRandom(3))
                .users(new InMemoryUserDirectory().put(Fixtures.alice()))
                .stages(BuiltinStages.all()).service(PasswordHasher.class, Fixtures.HASHER)
                .service(AttemptLimiter.class, new InMemoryAttemptLimiter())
                .flow(flow.build()).build();
    }
}
