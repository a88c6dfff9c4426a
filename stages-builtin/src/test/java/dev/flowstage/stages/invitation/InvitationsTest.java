package dev.flowstage.stages.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.core.InMemoryInvitationStore;
import dev.flowstage.stages.testing.TestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationsTest {
    private static final Clock CLOCK = Clock.fixed(TestContext.NOW, ZoneOffset.UTC);
    private final InMemoryInvitationStore store = new InMemoryInvitationStore();

    @Test
    void hash_knownVector_isLowerCaseHexSha256() {
        assertThat(Invitations.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void issue_validity_storesHashExpiryAndPartsButNeverTheToken() {
        var issued = Invitations.issue(store, Fixtures.seededRandom(1), CLOCK, "spring-hires", Duration.ofDays(2), true,
                Map.of("email", "x@example.com"), "enroll", "admin");

        var invitation = issued.invitation();
        String token = issued.token().reveal();
        assertThat(store.list()).containsExactly(invitation);
        assertThat(invitation.tokenHash()).isEqualTo(Invitations.hash(token)).doesNotContain(token);
        assertThat(invitation.expires()).isEqualTo(TestContext.NOW.plus(Duration.ofDays(2)));
        assertThat(invitation.singleUse()).isTrue();
        assertThat(invitation.fixedData()).isEqualTo(Map.of("email", "x@example.com"));
        assertThat(invitation.flowSlug()).isEqualTo("enroll");
        assertThat(invitation.createdBy()).isEqualTo("admin");
        assertThat(invitation.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(issued.toString()).doesNotContain(token).doesNotContain(invitation.tokenHash());
    }

    @Test
    void issue_token_is256RandomBitsUrlSafeAndFreshEachTime() {
        var random = Fixtures.seededRandom(2);
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String token = Invitations.issue(store, random, CLOCK, "n" + i, null, false, Map.of(), null, "")
                    .token().reveal();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            tokens.add(token);
        }
        assertThat(tokens).hasSize(50);
        assertThat(store.list()).allSatisfy(invitation -> assertThat(invitation.expires()).isNull());
    }

    @Test
    void issue_badArguments_rejectedNamingTheValue() {
        var random = Fixtures.seededRandom(3);

        assertThatThrownBy(() -> Invitations.issue(store, random, CLOCK, " ", null, false, Map.of(), null, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name must not be blank");
        assertThatThrownBy(() -> Invitations.issue(store, random, CLOCK, "a", Duration.ZERO, false, Map.of(), null, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> Invitations.issue(store, random, CLOCK, "a", null, false, Map.of(), "a/b", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a/b'");
        assertThat(store.list()).isEmpty();
    }
}
