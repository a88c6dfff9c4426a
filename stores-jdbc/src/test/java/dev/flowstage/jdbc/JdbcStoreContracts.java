package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.core.blueprint.ConfigurationStore;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.spi.TokenStore;
import dev.flowstage.spi.UserStore;
import dev.flowstage.testkit.TestClock;
import dev.flowstage.testkit.contract.ConfigurationStoreContract;
import dev.flowstage.testkit.contract.DeviceStoreContract;
import dev.flowstage.testkit.contract.ExecutionStoreContract;
import dev.flowstage.testkit.contract.InvitationStoreContract;
import dev.flowstage.testkit.contract.TokenStoreContract;
import dev.flowstage.testkit.contract.UserStoreContract;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every store contract of the testkit, plus the JDBC-only tests (documents, schema, errors), against
 * one database; each subclass names the database. The stores of a subclass share one database,
 * emptied before each test.
 */
abstract class JdbcStoreContracts {
    /** The clock of every store these tests build. */
    static final TestClock CLOCK = new TestClock();

    /** Returns the stores of this class's database (created once per class). */
    abstract JdbcStores stores();

    /** Returns a new, empty database of the same kind, for schema tests. */
    abstract DataSource freshDatabase();

    /** Returns the database product these tests must run on, as its driver names it. */
    abstract String product();

    @Test
    void database_isTheProductThisClassIsAbout() throws SQLException {
        try (Connection connection = stores().dataSource().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(metadata.getDatabaseProductName()).isEqualTo(product());
            if (product().equals("PostgreSQL")) {
                assertThat(metadata.getDatabaseMajorVersion()).as("PostgreSQL major version").isGreaterThanOrEqualTo(15);
            }
        }
    }

    private <T> T cleared(T store) {
        Tables.clear(stores().dataSource());
        CLOCK.set(TestClock.EPOCH);
        return store;
    }

    @Nested
    class Executions extends ExecutionStoreContract {
        @Override
        protected ExecutionStore store() {
            return cleared(stores().executions());
        }
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected UserStore store() {
            return cleared(stores().users());
        }
    }

    @Nested
    class Tokens extends TokenStoreContract {
        @Override
        protected TokenStore store() {
            return cleared(stores().tokens());
        }
    }

    @Nested
    class Invitations extends InvitationStoreContract {
        @Override
        protected InvitationStore store() {
            return cleared(stores().invitations());
        }
    }

    @Nested
    class Devices extends DeviceStoreContract {
        @Override
        protected DeviceStore store() {
            return cleared(stores().devices());
        }
    }

    @Nested
    class Configurations extends ConfigurationStoreContract {
        @Override
        protected ConfigurationStore store() {
            return cleared(stores().configuration());
        }
    }

    @Nested
    class Documents extends DocumentStoreTests {
        @Override
        JdbcDocumentStore store() {
            return cleared(stores().documents());
        }
    }

    @Nested
    class UserExtras extends JdbcUserStoreTests {
        @Override
        JdbcStores stores() {
            return cleared(JdbcStoreContracts.this.stores());
        }
    }

    @Nested
    class Errors extends StoreErrorTests {
        @Override
        JdbcStores stores() {
            return cleared(JdbcStoreContracts.this.stores());
        }
    }

    @Nested
    class Schema extends SchemaMigrationTests {
        @Override
        DataSource freshDatabase() {
            return JdbcStoreContracts.this.freshDatabase();
        }
    }
}
