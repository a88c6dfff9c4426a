package dev.flowstage.benchmarks;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageBinding;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryExecutionStore;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.hash.Argon2idHasher;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The flows, users and engines the benchmarks and probes share. Passwords are hashed with
 * Argon2id at {@link Argon2idHasher.Parameters#forTests()} (m=64 KiB, t=1, p=1), so that the
 * hash does not hide the engine's own cost; production parameters cost ~37 ms per hash here.
 */
final class Fixtures {
    static final String LOGIN = "default-authentication-flow";
    static final String STEPS = "dummy-steps";
    static final String USERNAME = "alice";
    static final String PASSWORD = "correct horse battery staple";
    static final ChallengeResponse IDENTIFY = ChallengeResponse.of(Map.of("uid_field", USERNAME));
    static final ChallengeResponse ANSWER_PASSWORD = ChallengeResponse.of(Map.of("password", PASSWORD));
    static final ChallengeResponse EMPTY = ChallengeResponse.empty();

    private Fixtures() {}

    /** Returns Argon2id with the cheap test parameters. */
    static PasswordHasher cheapHasher() {
        return new Argon2idHasher(Argon2idHasher.Parameters.forTests(), new SecureRandom());
    }

    /** Returns a directory holding the active user alice (in group admins) with {@link #PASSWORD}. */
    static InMemoryUserDirectory users(PasswordHasher hasher) {
        return new InMemoryUserDirectory().put(alice(hasher));
    }

    static User alice(PasswordHasher hasher) {
        return new User("1", USERNAME, "alice@example.com", "Alice", true, false, Set.of("admins"),
                hasher.hash(Secret.of(PASSWORD)), Map.of());
    }

    /** Returns an engine with the built-in stages, the cheap hasher, {@code users}, {@code store} and {@code flows}. */
    static FlowEngine engine(PasswordHasher hasher, InMemoryUserDirectory users, InMemoryExecutionStore store,
            FlowDefinition... flows) {
        var builder = FlowEngines.builder().stages(BuiltinStages.all()).service(PasswordHasher.class, hasher)
                .users(users).executionStore(store);
        for (FlowDefinition flow : flows) {
            builder.flow(flow);
        }
        return builder.build();
    }

    /** Returns the testkit's sign-in flow: identification (username or email) → password → user_login. */
    static FlowDefinition login() {
        return FlowDefinition.builder(LOGIN)
                .title("Welcome to Flowstage!")
                .designation(Designation.AUTHENTICATION)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(10, BuiltinStages.identification("default-authentication-identification",
                        IdentificationConfig.defaults().withUserFields(UserField.USERNAME, UserField.EMAIL)
                                .withRecoveryFlow("default-recovery-flow")))
                .stage(20, BuiltinStages.password("default-authentication-password", PasswordConfig.defaults()))
                .stage(100, BuiltinStages.userLogin("default-authentication-login",
                        UserLoginConfig.defaults().withSessionDuration(Duration.ofHours(8))))
                .build();
    }

    /** Returns a flow of {@code count} dummy stages with default bindings (no policies, re-evaluated). */
    static FlowDefinition dummySteps(int count) {
        FlowDefinition.Builder builder = FlowDefinition.builder(STEPS).title("Steps");
        for (int i = 0; i < count; i++) {
            builder.stage(10 * (i + 1), BuiltinStages.dummy("dummy-" + i, DummyConfig.defaults()));
        }
        return builder.build();
    }

    /**
     * Returns a 10-stage flow titled {@code title}: identification, password, seven dummy stages and
     * user_login, with expression policies on five bindings (three distinct policies).
     */
    static FlowDefinition tenStages(String title) {
        PolicyDefinition hasNext = PolicyDefinition.expression("has-next", "request.query.next != null");
        PolicyDefinition isAlice = PolicyDefinition.expression("is-alice",
                "user != null && user.username == 'alice' && request.query.next != null");
        PolicyDefinition notAdmin = PolicyDefinition.expression("not-admin", "!isGroupMember(user, 'admins')");
        FlowDefinition.Builder builder = FlowDefinition.builder("compiled-ten").title(title)
                .stage(10, BuiltinStages.identification("ten-identification", IdentificationConfig.defaults()))
                .stage(20, BuiltinStages.password("ten-password", PasswordConfig.defaults()),
                        binding -> binding.policy(hasNext));
        for (int i = 0; i < 7; i++) {
            PolicyDefinition policy = i % 3 == 0 ? isAlice : i % 3 == 1 ? notAdmin : hasNext;
            Consumer<StageBinding.Builder> setting = i % 2 == 0 ? binding -> binding.policy(policy) : binding -> { };
            builder.stage(30 + 10 * i, BuiltinStages.dummy("ten-dummy-" + i, DummyConfig.defaults()), setting);
        }
        return builder.stage(100, BuiltinStages.userLogin("ten-login", UserLoginConfig.defaults())).build();
    }

    /** Fails the benchmark when {@code result} is not what the measured path expects. */
    static FlowResult expect(FlowResult result, String component) {
        if (!(result instanceof FlowResult.Pending) || !result.challenge().component().equals(component)) {
            throw new IllegalStateException("expected a pending " + component + " challenge, got " + result);
        }
        return result;
    }
}
