package dev.flowstage.testkit.contract;

import dev.flowstage.core.InMemoryDeviceStore;
import dev.flowstage.core.InMemoryExecutionStore;
import dev.flowstage.core.InMemoryInvitationStore;
import dev.flowstage.core.InMemoryTokenStore;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.core.blueprint.ConfigurationStore;
import dev.flowstage.core.blueprint.DirectoryConfigurationStore;
import dev.flowstage.core.blueprint.InMemoryConfigurationStore;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.spi.TokenStore;
import dev.flowstage.spi.UserStore;
import dev.flowstage.stages.hash.Argon2idHasher;
import dev.flowstage.testkit.TestUsers;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The store contracts against the in-memory (and directory) stores of engine-core and the testkit's {@link TestUsers}. */
class InMemoryStoreContractsTest {

    @Nested
    class Executions extends ExecutionStoreContract {
        @Override
        protected ExecutionStore store() {
            return new InMemoryExecutionStore();
        }
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected UserStore store() {
            return new InMemoryUserDirectory();
        }
    }

    @Nested
    class TestkitUsers extends UserStoreContract {
        @Override
        protected UserStore store() {
            return new TestUsers(new Argon2idHasher(Argon2idHasher.Parameters.forTests(), new SecureRandom()));
        }
    }

    @Nested
    class Tokens extends TokenStoreContract {
        @Override
        protected TokenStore store() {
            return new InMemoryTokenStore();
        }
    }

    @Nested
    class Invitations extends InvitationStoreContract {
        @Override
        protected InvitationStore store() {
            return new InMemoryInvitationStore();
        }
    }

    @Nested
    class Devices extends DeviceStoreContract {
        @Override
        protected DeviceStore store() {
            return new InMemoryDeviceStore();
        }
    }

    @Nested
    class Configurations extends ConfigurationStoreContract {
        @Override
        protected ConfigurationStore store() {
            return new InMemoryConfigurationStore();
        }
    }

    @Nested
    class DirectoryConfigurations extends ConfigurationStoreContract {
        @TempDir
        Path directory;

        @Override
        protected ConfigurationStore store() {
            return new DirectoryConfigurationStore(directory);
        }
    }
}
