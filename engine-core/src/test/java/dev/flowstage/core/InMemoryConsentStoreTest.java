package dev.flowstage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.UserConsent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryConsentStoreTest {
    private static final Instant EXPIRES = Instant.parse("2026-02-03T04:05:06Z");
    private final InMemoryConsentStore store = new InMemoryConsentStore();

    @Test
    void find_afterSave_returnsTheConsentOfThatUserAndApplicationOnly() {
        UserConsent consent = new UserConsent("u-1", "grafana", Set.of("openid"), EXPIRES);
        store.save(consent);

        assertThat(store.find("u-1", "grafana")).contains(consent);
        assertThat(store.find("u-1", "wiki")).isEmpty();
        assertThat(store.find("u-2", "grafana")).isEmpty();
    }

    @Test
    void save_sameUserAndApplication_replacesTheConsent() {
        store.save(UserConsent.permanent("u-1", "grafana", Set.of("openid")));
        UserConsent wider = UserConsent.permanent("u-1", "grafana", Set.of("openid", "email"));

        store.save(wider);

        assertThat(store.find("u-1", "grafana")).contains(wider);
    }

    @Test
    void delete_removesOnlyThatConsentAndIgnoresAbsentOnes() {
        store.save(UserConsent.permanent("u-1", "grafana", Set.of()));
        store.save(UserConsent.permanent("u-1", "wiki", Set.of()));

        store.delete("u-1", "grafana");
        store.delete("u-1", "grafana");

        assertThat(store.find("u-1", "grafana")).isEmpty();
        assertThat(store.find("u-1", "wiki")).isPresent();
    }

    @Test
    void find_expiredConsent_isStillReturnedForTheCallerToCheck() {
        store.save(new UserConsent("u-1", "grafana", Set.of(), EXPIRES));

        assertThat(store.find("u-1", "grafana")).hasValueSatisfying(consent -> assertThat(consent.expiredAt(EXPIRES)).isTrue());
    }

    @Test
    void userConsent_expiredAt_fromItsExpiryOnAndNeverWhenPermanent() {
        UserConsent expiring = new UserConsent("u-1", "grafana", Set.of(), EXPIRES);
        UserConsent permanent = UserConsent.permanent("u-1", "grafana", Set.of());

        assertThat(expiring.expiredAt(EXPIRES.minusNanos(1))).isFalse();
        assertThat(expiring.expiredAt(EXPIRES)).isTrue();
        assertThat(expiring.isPermanent()).isFalse();
        assertThat(expiring.expiresAt()).contains(EXPIRES);
        assertThat(permanent.expiredAt(Instant.MAX)).isFalse();
        assertThat(permanent.isPermanent()).isTrue();
        assertThat(permanent.expiresAt()).isEmpty();
    }

    @Test
    void userConsent_copiesPermissionsAndRejectsBlankIds() {
        Set<String> permissions = new HashSet<>(Set.of("openid"));
        UserConsent consent = UserConsent.permanent("u-1", "grafana", permissions);
        permissions.add("email");

        assertThat(consent.permissions()).containsExactly("openid");
        assertThatThrownBy(() -> UserConsent.permanent(" ", "grafana", Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user consent userId must not be blank");
        assertThatThrownBy(() -> UserConsent.permanent("u-1", "", Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user consent application must not be blank");
    }
}
