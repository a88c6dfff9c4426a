package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.User;
import dev.flowstage.api.UserConflictException;
import dev.flowstage.api.UserDraft;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests of what {@link JdbcUserStore} offers beyond the SPI: put, delete, list, ids, the group table. */
abstract class JdbcUserStoreTests {
    private JdbcStores stores;
    private JdbcUserStore users;

    abstract JdbcStores stores();

    @BeforeEach
    void createStore() {
        stores = stores();
        users = stores.users();
    }

    @Test
    void put_newUserWithFixedId_createsIt_andPutAgainReplacesIt() {
        User admin = new User("1", "akadmin", "akadmin@example.com", "authentik Default Admin", true, true,
                Set.of("authentik Admins"), "$argon2id$hash", Map.of());
        assertThat(users.put(admin)).isEqualTo(admin);
        assertThat(users.findById("1")).contains(admin);
        User changed = admin.withGroups(Set.of("ops")).withPasswordHash(null);
        users.put(changed);
        assertThat(users.findByUsername("AKADMIN")).contains(changed);
        assertThat(Tables.count(stores.dataSource(), "flowstage_users")).isEqualTo(1);
    }

    @Test
    void put_usernameOfAnotherUser_throwsConflict() {
        users.put(User.of("1", "alice", ""));
        assertThatThrownBy(() -> users.put(User.of("2", "Alice", ""))).isInstanceOf(UserConflictException.class)
                .extracting(e -> ((UserConflictException) e).field()).isEqualTo("username");
        assertThat(users.findById("2")).isEmpty();
    }

    @Test
    void delete_removesTheUserAndItsMemberships() {
        User alice = users.create(new UserDraft("alice", "", "", true, Set.of("a", "b"), null, Map.of()));
        assertThat(Tables.count(stores.dataSource(), "flowstage_user_groups")).isEqualTo(2);
        assertThat(users.delete(alice.id())).isTrue();
        assertThat(users.delete(alice.id())).isFalse();
        assertThat(users.findById(alice.id())).isEmpty();
        assertThat(Tables.count(stores.dataSource(), "flowstage_user_groups")).isZero();
    }

    @Test
    void list_ordersByUsernameIgnoringCase() {
        users.create(draft("carol"));
        users.create(draft("Bob"));
        users.create(draft("alice"));
        assertThat(users.list()).extracting(User::username).containsExactly("alice", "Bob", "carol");
    }

    @Test
    void create_assignsRandomUuids() {
        String id = users.create(draft("alice")).id();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void findByUsername_nonAsciiCase_isMatched() {
        User user = users.create(draft("Ärger-ÉLODIE"));
        assertThat(users.findByUsername("ärger-élodie")).contains(user);
    }

    private static UserDraft draft(String username) {
        return new UserDraft(username, "", "", true, Set.of(), null, Map.of());
    }
}
