package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.Secret;
import dev.flowstage.api.UserConflictException;
import dev.flowstage.api.UserDraft;
import dev.flowstage.spi.StoredExecution;
import dev.flowstage.spi.StoredToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad values and bad rows become typed exceptions that name the store and never quote the values. */
abstract class StoreErrorTests {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private JdbcStores stores;

    abstract JdbcStores stores();

    @BeforeEach
    void createStores() {
        stores = stores();
    }

    @Test
    void create_usernameTooLongForItsColumn_isIllegalArgumentWithoutTheValue() {
        String username = "mallory-" + "x".repeat(300);
        assertThatThrownBy(() -> stores.users().create(draft(username, "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("user store create: a value is too long or malformed for its column (SQLState 22")
                .hasNoCause()
                .message().doesNotContain("xxxxxxxx");
        assertThat(stores.users().list()).isEmpty();
    }

    @Test
    void insert_flowSlugTooLong_isIllegalArgumentNamingTheExecutionStore() {
        StoredExecution execution = new StoredExecution(ExecutionId.of("error-execution-0001"), 0, "f".repeat(300), NOW,
                "{}");
        assertThatThrownBy(() -> stores.executions().insert(execution)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("execution store insert: ").message().doesNotContain("ffffffff");
    }

    @Test
    void create_secretAttribute_isRefusedWithoutRevealingIt() {
        UserDraft draft = new UserDraft("alice", "", "", true, Set.of(), null, Map.of("pin", Secret.of("4711-hidden")));
        assertThatThrownBy(() -> stores.users().create(draft)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user attributes.pin: a secret cannot be stored; store a hash or a sealed form");
        assertThat(stores.users().findByUsername("alice")).isEmpty();
    }

    @Test
    void insert_tokenDataThatIsNotJson_isRefused() {
        StoredToken token = new StoredToken("a".repeat(64), "p", "f", null, "", "", NOW, Map.of("when", NOW), null);
        assertThatThrownBy(() -> stores.tokens().insert(token)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token data.when: java.time.Instant is not a JSON value");
        assertThat(stores.tokens().find("a".repeat(64))).isEmpty();
    }

    @Test
    void conflict_messageNamesTheUsernameButNotTheEmailAddress() {
        stores.users().create(draft("alice", "private.address@example.com"));
        assertThatThrownBy(() -> stores.users().create(draft("bob", "PRIVATE.address@example.com")))
                .isInstanceOf(UserConflictException.class)
                .hasMessage("user store create: email address of user 'bob' is already taken")
                .hasNoCause();
    }

    @Test
    void find_rowWithCorruptJson_isIllegalStateWithoutTheText() throws SQLException {
        try (Connection connection = stores.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO flowstage_tokens (hash, purpose,"
                        + " flow_slug, stage_name, user_id, expires_at, data) VALUES (?, 'p', 'f', '', '', ?, ?)")) {
            insert.setString(1, "b".repeat(64));
            Sql.setInstant(insert, 2, NOW);
            insert.setString(3, "{\"unterminated-private-text");
            insert.executeUpdate();
        }
        assertThatThrownBy(() -> stores.tokens().find("b".repeat(64))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("token data cannot be read as JSON").message().doesNotContain("private");
    }

    private static UserDraft draft(String username, String email) {
        return new UserDraft(username, email, "", true, Set.of(), null, Map.of());
    }
}
