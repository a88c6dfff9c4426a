package dev.flowstage.samples.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.User;
import dev.flowstage.testkit.FlowArbitraries;
import dev.flowstage.testkit.FlowKit;
import dev.flowstage.testkit.FlowRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/** Random prompt submissions never leave an invalid or half-written user in the store. */
class EnrollmentProperties {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<Object> PASSWORDS =
            List.of("long enough pw", "long enough pw", "long enough pw", "another long one", "short", "");
    private static FlowKit kit;

    @BeforeContainer
    static void start() {
        kit = FlowKit.builder().transcriptName("EnrollmentProperties")
                .flow(new Journeys("http://127.0.0.1:9000").openEnrollment()).user("taken", "some password").build();
    }

    @AfterContainer
    static void stop() {
        kit.close();
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> submissions() {
        List<Object> usernames = new ArrayList<>(List.of("erin", "frank", "grace", "heidi", "taken", "TAKEN"));
        List<Object> emails = new ArrayList<>(List.of("e@example.com", "x@y.io", "e@example.com", "not an address", ""));
        usernames.addAll(FlowArbitraries.junk().subList(0, 4));
        emails.addAll(FlowArbitraries.junk().subList(0, 4));
        return FlowArbitraries.responseSequences(Map.of("username", usernames, "name", List.of("Erin", "", 7),
                "email", emails, "password", PASSWORDS, "password_repeat", PASSWORDS), 6);
    }

    @Property(tries = 400)
    void theStoreNeverHoldsAnInvalidOrHalfWrittenUser(@ForAll("submissions") List<Map<String, Object>> responses) {
        Set<String> before = ids();
        FlowRun run = FlowRun.drive(kit, Journeys.OPEN_ENROLLMENT, responses);
        List<User> created = kit.users().all().stream().filter(user -> !before.contains(user.id())).toList();
        try {
            check(run, created);
        } finally {
            created.forEach(user -> kit.users().remove(user.id()));
        }
    }

    private static void check(FlowRun run, List<User> created) {
        Statistics.label("created").collect(created.size())
                .coverage(coverage -> coverage.check(1).percentage(p -> p >= 1.0));
        if (!run.loggedIn()) {
            assertThat(created).as("nothing is written before the flow's last step").isEmpty();
            return;
        }
        assertThat(created).hasSize(1);
        User user = created.get(0);
        assertThat(user.username()).isNotBlank();
        assertThat(user.email()).matches(EMAIL);
        assertThat(user.passwordHash()).isNotNull();
        assertThat(run.sent()).anySatisfy(sent -> {
            assertThat(sent.get("password")).isInstanceOf(String.class);
            assertThat((String) sent.get("password")).hasSizeGreaterThanOrEqualTo(8);
            assertThat(kit.users().passwordMatches(user.username(), (String) sent.get("password"))).isTrue();
        });
        assertThat(user.attributes()).doesNotContainKeys("password", "password_repeat");
    }

    private static Set<String> ids() {
        return kit.users().all().stream().map(User::id).collect(Collectors.toSet());
    }
}
