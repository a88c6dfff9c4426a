package dev.flowstage.samples.host;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.User;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import dev.flowstage.spi.PolicyType;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.spi.UserDirectory;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/**
 * authentik's out-of-box experience ({@code initial-setup}) for the first admin, in two host
 * extensions: a policy type that passes only while the admin has no usable password (bound to the
 * flow, so the flow stops applying once the admin has one), and a stage that makes the admin the
 * pending user (authentik does this with an expression policy writing the context, which
 * Flowstage's sandboxed expressions cannot) and checks the password again, for two browsers racing.
 */
final class InitialSetup {
    /** The flow's slug. */
    static final String FLOW = "initial-setup";
    /** What a requester sees once the admin has a password. */
    static final String DONE = "The initial setup has already been completed. Sign in instead.";

    private InitialSetup() {}

    /**
     * Names the admin the initial setup is for.
     *
     * @param username the admin's username, {@code akadmin} in the demo
     */
    record Config(@NotBlank String username) {}

    /** Returns whether {@code passwordHash} is a usable password (authentik marks unusable ones with {@code !}). */
    static boolean usable(String passwordHash) {
        return passwordHash != null && !passwordHash.isBlank() && !passwordHash.startsWith("!");
    }

    /** Returns whether the admin {@code username} exists and still has no usable password. */
    static boolean pending(UserDirectory users, String username) {
        return users.findByUsername(username).map(user -> !usable(user.passwordHash())).orElse(false);
    }

    /** Passes while the configured admin exists and has no usable password; reads the host's users. */
    static final class AdminWithoutPassword implements PolicyType<Config> {
        static final String TYPE = "host.admin_without_password";
        private final UserDirectory users;

        AdminWithoutPassword(UserDirectory users) {
            this.users = users;
        }

        @Override
        public String typeId() {
            return TYPE;
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Policy compile(String policyName, Config config) {
            return new Policy() {
                @Override
                public PolicyResult evaluate(PolicyRequest request) {
                    return pending(users, config.username()) ? PolicyResult.pass() : PolicyResult.fail(DONE);
                }

                @Override
                public boolean runsInline() {
                    return true;
                }
            };
        }
    }

    /** Makes the configured admin the pending user while it has no usable password; denies otherwise. */
    static final class AdminStage implements Stage<Config> {
        static final String TYPE = "host.initial_setup_admin";

        @Override
        public String typeId() {
            return TYPE;
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public String description() {
            return "Makes the first admin the pending user of the initial setup";
        }

        @Override
        public StageResult arrive(StageContext<Config> ctx) {
            Optional<User> admin = ctx.users().findByUsername(ctx.config().username());
            if (admin.isEmpty() || !pending(ctx.users(), ctx.config().username())) {
                return StageResult.deny(DONE);
            }
            return StageResult.proceed(ContextUpdate.of(ContextKeys.PENDING_USER, PendingUser.of(admin.get())));
        }
    }
}
