package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.MailMessage;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.spi.Mailer;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.email.EmailConfig;
import dev.flowstage.stages.email.EmailStage;
import dev.flowstage.stages.hash.Argon2idHasher;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.testkit.TestClock;
import dev.flowstage.testkit.TestMailbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines on JDBC stores in an H2 file: a journey started by one engine is finished by a new engine
 * (a restarted host) on the same file, because executions, tokens and users live in the database.
 */
class EngineRestartTest {
    static final String SIGN_IN = "default-authentication-flow";
    private static final String EMAIL_SIGN_IN = "email-link-sign-in";
    static final PasswordHasher HASHER = new Argon2idHasher(Argon2idHasher.Parameters.forTests(), new SecureRandom());
    private final TestClock clock = new TestClock();
    private final TestMailbox mailbox = new TestMailbox();
    @TempDir
    Path dataDir;

    @BeforeEach
    void seedAlice() {
        try (JdbcStores stores = JdbcStores.h2File(dataDir)) {
            stores.users().put(new User("1", "alice", "alice@example.com", "Alice", true, false, Set.of("staff"),
                    HASHER.hash(Secret.of("correct horse")), Map.of()));
        }
    }

    @Test
    void signIn_completesOnJdbcStores() {
        try (JdbcStores stores = JdbcStores.h2FileBuilder(dataDir).clock(clock).build(); FlowEngine engine = engine(stores)) {
            FlowResult identification = engine.start(SIGN_IN, RequestInfo.anonymous());
            assertThat(identification.challenge().component()).isEqualTo("ak-stage-identification");
            ExecutionId id = identification.executionId();
            assertThat(submit(engine, id, "{\"uid_field\":\"ALICE\"}").challenge().component()).isEqualTo("ak-stage-password");
            assertThat(submit(engine, id, "{\"password\":\"wrong\"}").challenge().responseErrors().forField("password"))
                    .isNotEmpty();
            FlowResult done = submit(engine, id, "{\"password\":\"correct horse\"}");
            assertThat(done).isInstanceOfSatisfying(FlowResult.Completed.class,
                    completed -> assertThat(completed.login().orElseThrow().userId()).isEqualTo("1"));
        }
    }

    @Test
    void signIn_restartAfterIdentification_aNewEngineInAnotherJvmFinishesIt() throws Exception {
        ExecutionId id = ExecutionId.of(RestartedHost.run(dataDir, "identify", "alice@example.com"));
        try (JdbcStores stores = JdbcStores.h2FileBuilder(dataDir).clock(clock).build(); FlowEngine engine = engine(stores)) {
            assertThat(engine.current(id).challenge().component()).isEqualTo("ak-stage-password");
            assertThat(engine.current(id).challenge().field("pending_user")).isEqualTo("alice@example.com");
            FlowResult done = submit(engine, id, "{\"password\":\"correct horse\"}");
            assertThat(done).isInstanceOf(FlowResult.Completed.class);
            assertThat(((FlowResult.Completed) done).login().orElseThrow().userId()).isEqualTo("1");
        }
    }

    @Test
    void emailLink_restartAfterTheMailWasSent_theLinkStillCompletesTheJourneyOnce() {
        ExecutionId id;
        try (JdbcStores stores = JdbcStores.h2FileBuilder(dataDir).clock(clock).build(); FlowEngine engine = engine(stores)) {
            id = engine.start(EMAIL_SIGN_IN, RequestInfo.anonymous()).executionId();
            assertThat(submit(engine, id, "{\"uid_field\":\"alice\"}").challenge().component()).isEqualTo(EmailStage.COMPONENT);
        }
        String token = flowToken(mailbox.lastTo("alice@example.com").orElseThrow());
        try (JdbcStores stores = JdbcStores.h2FileBuilder(dataDir).clock(clock).build(); FlowEngine engine = engine(stores)) {
            FlowResult confirmation = engine.resume(token, RequestInfo.anonymous());
            assertThat(confirmation.executionId()).isEqualTo(id);
            assertThat(confirmation.challenge().component()).isEqualTo("ak-stage-consent");
            FlowResult done = submit(engine, id, "{\"token\":\"" + token + "\"}");
            assertThat(done).isInstanceOf(FlowResult.Completed.class);
        }
        try (JdbcStores stores = JdbcStores.h2FileBuilder(dataDir).clock(clock).build()) {
            assertThat(stores.tokens().find(sha256(token)).orElseThrow().usedAt()).isEqualTo(clock.instant());
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private FlowEngine engine(JdbcStores stores) {
        return engine(stores, clock, mailbox);
    }

    /** Returns the engine of the test host: sign-in and email-link sign-in on {@code stores}. */
    static FlowEngine engine(JdbcStores stores, Clock clock, Mailer mailbox) {
        return FlowEngines.builder().clock(clock).users(stores.users()).executionStore(stores.executions())
                .tokenStore(stores.tokens())
                .service(InvitationStore.class, stores.invitations())
                .service(DeviceStore.class, stores.devices())
                .service(PasswordHasher.class, HASHER)
                .service(Mailer.class, mailbox)
                .stages(BuiltinStages.all())
                .flow(signIn())
                .flow(emailSignIn())
                .build();
    }

    static FlowResult submit(FlowEngine engine, ExecutionId id, String json) {
        return engine.submitJson(id, json, RequestInfo.anonymous());
    }

    private static String flowToken(MailMessage message) {
        String query = URI.create(TestMailbox.firstLink(message).orElseThrow()).getRawQuery();
        assertThat(query).startsWith(EmailStage.TOKEN_QUERY_PARAMETER + "=");
        return query.substring(EmailStage.TOKEN_QUERY_PARAMETER.length() + 1);
    }

    private static FlowDefinition signIn() {
        return FlowDefinition.builder(SIGN_IN).title("Welcome").designation(Designation.AUTHENTICATION)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(10, BuiltinStages.identification("identification",
                        IdentificationConfig.defaults().withUserFields(UserField.USERNAME, UserField.EMAIL)))
                .stage(20, BuiltinStages.password("password", PasswordConfig.defaults()))
                .stage(100, BuiltinStages.userLogin("login", UserLoginConfig.defaults()))
                .build();
    }

    private static FlowDefinition emailSignIn() {
        return FlowDefinition.builder(EMAIL_SIGN_IN).title("Sign in by email").designation(Designation.AUTHENTICATION)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(10, BuiltinStages.identification("email-identification",
                        IdentificationConfig.defaults().withUserFields(UserField.USERNAME, UserField.EMAIL)))
                .stage(20, BuiltinStages.email("email-link", EmailConfig.defaults("https://login.example.com")))
                .stage(100, BuiltinStages.userLogin("email-login", UserLoginConfig.defaults()))
                .build();
    }
}
