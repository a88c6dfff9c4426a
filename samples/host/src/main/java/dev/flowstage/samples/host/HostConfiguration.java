package dev.flowstage.samples.host;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.Secret;
import dev.flowstage.jdbc.JdbcStores;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.SecretSealer;
import dev.flowstage.core.InMemoryAttemptLimiter;
import dev.flowstage.core.InMemoryDeviceStore;
import dev.flowstage.core.blueprint.ConfigurationStore;
import dev.flowstage.core.blueprint.InMemoryConfigurationStore;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryExecutionStore;
import dev.flowstage.core.InMemoryInvitationStore;
import dev.flowstage.core.InMemoryTokenStore;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.samples.journeys.Journeys;
import dev.flowstage.samples.terms.TermsOfServiceStage;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.spi.Mailer;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.TokenStore;
import dev.flowstage.spi.UserStore;
import dev.flowstage.stages.BuiltinStages;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the host is built from, in one place: the stores (users, executions, link tokens,
 * invitations, authenticator devices, the applied blueprints), the hasher and where the host's own
 * blueprints are. The flows, brands and applications come from blueprints (see
 * {@link HostBlueprints}). {@link #inMemory} builds a demo that forgets everything when it stops;
 * {@link #jdbc} one on JDBC stores. The rest of the host only sees this record. Immutable.
 *
 * @param users the user store (enrollment and settings write to it)
 * @param executions where executions are persisted
 * @param tokens where link tokens (mailed links, recovery keys) are persisted
 * @param invitations where invitations are persisted
 * @param devices where authenticator devices (MFA) are persisted
 * @param blueprintStore where the applied blueprint configuration is persisted
 * @param hasher the password hasher
 * @param passwordChangeFlow the flow the settings page links to for a new password
 * @param sealer seals secrets (passwords typed between two steps in persisted executions, TOTP seeds
 *     and recovery codes being set up) with a key that must outlive the stores' contents
 * @param blueprintFolder a folder whose blueprints are applied at every start after the demo's; empty for none
 */
record HostConfiguration(UserStore users, ExecutionStore executions, TokenStore tokens, InvitationStore invitations,
        DeviceStore devices, ConfigurationStore blueprintStore, PasswordHasher hasher, String passwordChangeFlow,
        SecretSealer sealer, Optional<Path> blueprintFolder) {

    HostConfiguration {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(executions, "executions");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(blueprintStore, "blueprintStore");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(passwordChangeFlow, "passwordChangeFlow");
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(blueprintFolder, "blueprintFolder");
    }

    /**
     * Returns the demo on in-memory stores holding {@value DemoUsers#ADMIN} (with {@code adminPassword},
     * or without a password so that the initial setup applies).
     */
    static HostConfiguration inMemory(Optional<Secret> adminPassword, PasswordHasher hasher) {
        InMemoryUserDirectory users = new InMemoryUserDirectory();
        new DemoUsers(users).ensureAdmin(hasher, adminPassword);
        return new HostConfiguration(users, new InMemoryExecutionStore(), new InMemoryTokenStore(),
                new InMemoryInvitationStore(), new InMemoryDeviceStore(), new InMemoryConfigurationStore(), hasher,
                Journeys.PASSWORD_CHANGE, SealerKey.inMemory(), Optional.empty());
    }

    /**
     * Returns the demo on the JDBC stores of {@code stores} (an H2 file under the data folder by
     * default, so a restart keeps users, executions, mailed links, invitations and the applied
     * blueprints): {@value DemoUsers#ADMIN} is created on first start, and given {@code adminPassword}
     * when one is set.
     */
    static HostConfiguration jdbc(JdbcStores stores, Optional<Secret> adminPassword, PasswordHasher hasher,
            SecretSealer sealer, Optional<Path> blueprintFolder) {
        new DemoUsers(stores.users()).ensureAdmin(hasher, adminPassword);
        return new HostConfiguration(stores.users(), stores.executions(), stores.tokens(), stores.invitations(),
                stores.devices(), stores.configuration(), hasher, Journeys.PASSWORD_CHANGE, sealer, blueprintFolder);
    }

    /**
     * Builds the engine: built-in stages and policy types, the host's own stages and policy type
     * (initial setup, consent, terms), these stores and {@code mailer} for mail; no flows yet
     * ({@link HostBlueprints} deploys them). The consent stage names applications by their slug
     * with {@code applicationNames}.
     */
    FlowEngine engine(Mailer mailer, Function<String, Optional<String>> applicationNames, Clock clock, SecureRandom random) {
        return FlowEngines.builder()
                .clock(clock)
                .random(random)
                .users(users)
                .executionStore(executions)
                .tokenStore(tokens)
                .stages(BuiltinStages.all())
                .stage(new TermsOfServiceStage())
                .stage(new InitialSetup.AdminStage())
                .stage(new ConsentStage(applicationNames))
                .policyType(new InitialSetup.AdminWithoutPassword(users))
                .service(PasswordHasher.class, hasher)
                .service(InvitationStore.class, invitations)
                .service(Mailer.class, mailer)
                .service(DeviceStore.class, devices)
                .service(SecretSealer.class, sealer)
                .service(AttemptLimiter.class, new InMemoryAttemptLimiter())
                .build();
    }
}
