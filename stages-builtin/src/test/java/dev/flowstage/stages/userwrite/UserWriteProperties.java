package dev.flowstage.stages.userwrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * For random prompt data (random keys, junk values, missing and taken usernames) the user write
 * stage leaves the store holding exactly the user that an independent model of the documented
 * rules expects, or exactly what it held before: never a partial user.
 */
class UserWriteProperties {
    private static final UserWriteStage STAGE = new UserWriteStage();
    private static final User CAROL = new User("u-carol", "carol", "carol@example.com", "Carol", true, false,
            Set.of("staff"), Fixtures.alice().passwordHash(),
            Map.of("a", Map.of("b", 1), "type", "internal", "path", "users/staff", "keep", true));
    private static final List<String> KEYS = List.of("username", "email", "name", "password", "password_repeat",
            "component", "country__choices", "groups", "attributes", "attributes.a", "attributes.a.b",
            "attributes_a.c", "attributes.x.", "nickname", "type", "path", "pin");

    enum Pending { NONE, CAROL, PRETEND }

    record Scenario(Pending pending, UserCreationMode mode, boolean inactive, String group, UserType type,
            Map<String, Object> promptData) {}

    @Property(tries = 400)
    void arrive_randomPromptData_storeHoldsExpectedUserOrIsUnchanged(@ForAll("scenarios") Scenario scenario) {
        var config = new UserWriteConfig(scenario.mode(), scenario.inactive(), scenario.group(), "", scenario.type());
        var ctx = context(scenario, config);
        List<User> before = ctx.store().all();

        StageResult result = ctx.apply(STAGE.arrive(ctx));

        List<User> after = ctx.store().all();
        Optional<Expected> expected = Model.expect(scenario, before);
        if (result instanceof StageResult.Deny) {
            assertThat(after).as("a denial writes nothing").isEqualTo(before);
            assertThat(expected).as("the model also denies").isEmpty();
        } else {
            assertThat(result).isInstanceOf(StageResult.Proceed.class);
            assertThat(expected).as("the model also proceeds").isPresent();
            assertOnlyExpectedUserWritten(ctx, before, after, expected.get());
        }
        ctx.get(ContextKeys.PROMPT_DATA).ifPresent(data -> assertThat(data)
                .doesNotContainKeys("password", "password_repeat")
                .allSatisfy((key, value) -> assertThat(value instanceof Secret).as(key).isFalse()));
    }

    private static TestContext<UserWriteConfig> context(Scenario scenario, UserWriteConfig config) {
        var ctx = TestContext.of(config).withUser(Fixtures.alice()).withUser(Fixtures.bob()).withUser(CAROL);
        if (scenario.promptData() != null) {
            ctx.withRaw(ContextKeys.PROMPT_DATA.name(), scenario.promptData());
        }
        if (scenario.pending() == Pending.CAROL) {
            ctx.with(ContextKeys.PENDING_USER, PendingUser.of(CAROL));
        } else if (scenario.pending() == Pending.PRETEND) {
            ctx.with(ContextKeys.PENDING_USER, PendingUser.pretend("ghost"));
        }
        return ctx;
    }

    private static void assertOnlyExpectedUserWritten(
            TestContext<UserWriteConfig> ctx, List<User> before, List<User> after, Expected expected) {
        String id = ctx.get(ContextKeys.PENDING_USER).orElseThrow().id();
        User written = ctx.store().findById(id).orElseThrow();
        assertThat(ctx.get(ContextKeys.PENDING_USER)).contains(PendingUser.of(written));
        expected.check(ctx, written);
        assertThat(after.stream().filter(user -> !user.id().equals(id)).toList())
                .as("every other user is as it was").isEqualTo(before.stream().filter(user -> !user.id().equals(id)).toList());
        assertThat(after).hasSize(expected.id() == null ? before.size() + 1 : before.size());
    }

    /** What the model expects of the written user; the password is checked by verifying it. */
    record Expected(String id, String username, String email, String name, boolean active, Set<String> groups,
            Map<String, Object> attributes, Secret password, String oldHash) {
        void check(TestContext<UserWriteConfig> ctx, User written) {
            if (id != null) {
                assertThat(written.id()).isEqualTo(id);
            }
            assertThat(written.username()).isEqualTo(username);
            assertThat(written.email()).isEqualTo(email);
            assertThat(written.name()).isEqualTo(name);
            assertThat(written.active()).isEqualTo(active);
            assertThat(written.superuser()).isFalse();
            assertThat(written.groups()).isEqualTo(groups);
            assertThat(written.attributes()).isEqualTo(attributes);
            if (password == null) {
                assertThat(written.passwordHash()).isEqualTo(oldHash);
            } else {
                assertThat(ctx.hasher().verify(password, written.passwordHash())).isTrue();
            }
        }
    }

    /** The documented rules, written independently of the stage. */
    static final class Model {
        private static final Object REFUSED = new Object();

        static Optional<Expected> expect(Scenario s, List<User> users) {
            if (s.promptData() == null) {
                return Optional.empty();
            }
            User target = s.pending() == Pending.CAROL && s.mode() != UserCreationMode.ALWAYS_CREATE ? CAROL : null;
            if (target == null && s.mode() == UserCreationMode.NEVER_CREATE) {
                return Optional.empty();
            }
            State state = new State(target);
            for (Map.Entry<String, Object> entry : s.promptData().entrySet()) {
                if (!state.apply(entry.getKey(), entry.getValue())) {
                    return Optional.empty();
                }
            }
            if (target == null) {
                state.attributes.put("type", s.type().wireName());
                state.attributes.put("path", "users");
            } else {
                state.attributes.put("type", target.attributes().get("type"));
                state.attributes.put("path", target.attributes().get("path"));
            }
            if (state.username.isBlank() || !isJson(state.attributes) || conflicts(state, target, users)) {
                return Optional.empty();
            }
            return Optional.of(target == null
                    ? new Expected(null, state.username, state.email, state.name, !s.inactive(),
                            s.group() == null ? Set.of() : Set.of(s.group()), state.attributes, state.password, null)
                    : new Expected(target.id(), state.username, state.email, state.name, target.active(),
                            target.groups(), state.attributes, state.password, target.passwordHash()));
        }

        private static boolean conflicts(State state, User target, List<User> users) {
            return users.stream().filter(user -> target == null || !user.id().equals(target.id())).anyMatch(user ->
                    user.username().equalsIgnoreCase(state.username)
                            || (!state.email.isEmpty() && user.email().equalsIgnoreCase(state.email)));
        }

        private static boolean isJson(Object value) {
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                return true;
            }
            if (value instanceof List<?> list) {
                return list.stream().allMatch(Model::isJson);
            }
            return value instanceof Map<?, ?> map && map.values().stream().allMatch(Model::isJson);
        }

        /** Returns a mutable deep copy, or {@link #REFUSED} for secrets and non-string map keys anywhere inside. */
        static Object copy(Object value) {
            if (value instanceof Secret) {
                return REFUSED;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                for (Object item : list) {
                    Object itemCopy = copy(item);
                    if (itemCopy == REFUSED) {
                        return REFUSED;
                    }
                    copy.add(itemCopy);
                }
                return copy;
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Object entryCopy = copy(entry.getValue());
                    if (!(entry.getKey() instanceof String) || entryCopy == REFUSED) {
                        return REFUSED;
                    }
                    copy.put((String) entry.getKey(), entryCopy);
                }
                return copy;
            }
            return value;
        }

        static final class State {
            String username = "";
            String email = "";
            String name = "";
            Secret password;
            Map<String, Object> attributes = new LinkedHashMap<>();

            @SuppressWarnings("unchecked")
            State(User target) {
                if (target != null) {
                    username = target.username();
                    email = target.email();
                    name = target.name();
                    attributes = (Map<String, Object>) copy(target.attributes());
                }
            }

            boolean apply(String key, Object value) {
                if (Set.of("component", "password_repeat", "groups").contains(key) || key.endsWith("__choices")
                        || (value instanceof Secret && !key.equals("password"))) {
                    return true;
                }
                if (Set.of("username", "email", "name").contains(key)) {
                    return setText(key, value);
                }
                if (key.equals("password")) {
                    return setPassword(value);
                }
                if (key.equals("attributes")) {
                    return merge(value);
                }
                if (key.startsWith("attributes.") || key.startsWith("attributes_")) {
                    return setPath(List.of(key.substring("attributes.".length()).split("\\.", -1)), value);
                }
                return put(attributes, key, value);
            }

            private boolean setText(String key, Object value) {
                if (value != null && !(value instanceof String)) {
                    return false;
                }
                String text = value == null ? "" : (String) value;
                if (key.equals("username")) {
                    username = text;
                } else if (key.equals("email")) {
                    email = text;
                } else {
                    name = text;
                }
                return true;
            }

            private boolean setPassword(Object value) {
                Secret secret = value instanceof String text ? Secret.of(text) : value instanceof Secret s ? s : null;
                if (secret == null) {
                    return value == null;
                }
                password = secret.isEmpty() ? password : secret;
                return true;
            }

            @SuppressWarnings("unchecked")
            private boolean merge(Object value) {
                Object copy = value instanceof Map<?, ?> ? copy(value) : REFUSED;
                if (copy == REFUSED) {
                    return false;
                }
                attributes.putAll((Map<String, Object>) copy);
                return true;
            }

            @SuppressWarnings("unchecked")
            private boolean setPath(List<String> path, Object value) {
                if (path.contains("")) {
                    return false;
                }
                Map<String, Object> node = attributes;
                for (String segment : path.subList(0, path.size() - 1)) {
                    Object child = node.get(segment);
                    if (child == null) {
                        child = new LinkedHashMap<String, Object>();
                        node.put(segment, child);
                    }
                    if (!(child instanceof Map)) {
                        return false;
                    }
                    node = (Map<String, Object>) child;
                }
                return put(node, path.get(path.size() - 1), value);
            }

            private static boolean put(Map<String, Object> node, String key, Object value) {
                Object copy = copy(value);
                node.put(key, copy);
                return copy != REFUSED;
            }
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Tuple2<String, Object>>> username = Arbitraries.of("dave", "erin", "alice", "Bob", "carol", " ")
                .map(name -> List.of(Tuple.<String, Object>of("username", name)));
        Arbitrary<List<Tuple2<String, Object>>> lead = Arbitraries.frequencyOf(
                Tuple.of(3, username), Tuple.of(1, Arbitraries.just(List.<Tuple2<String, Object>>of())));
        Arbitrary<List<Tuple2<String, Object>>> rest =
                Combinators.combine(Arbitraries.of(KEYS), values()).as(Tuple::of).list().ofMaxSize(6);
        Arbitrary<Map<String, Object>> promptData =
                Combinators.combine(lead, rest).as(UserWriteProperties::toMap).injectNull(0.05);
        Arbitrary<UserCreationMode> modes = Arbitraries.frequency(Tuple.of(3, UserCreationMode.CREATE_WHEN_REQUIRED),
                Tuple.of(2, UserCreationMode.ALWAYS_CREATE), Tuple.of(1, UserCreationMode.NEVER_CREATE));
        return Combinators.combine(Arbitraries.of(Pending.class), modes, Arbitraries.of(true, false),
                Arbitraries.of("invited", "staff").injectNull(0.5), Arbitraries.of(UserType.class), promptData)
                .as(Scenario::new);
    }

    private static Map<String, Object> toMap(List<Tuple2<String, Object>> lead, List<Tuple2<String, Object>> rest) {
        Map<String, Object> map = new LinkedHashMap<>();
        lead.forEach(entry -> map.put(entry.get1(), entry.get2()));
        rest.forEach(entry -> map.put(entry.get1(), entry.get2()));
        return map;
    }

    private static Arbitrary<Object> values() {
        Arbitrary<String> strings = Arbitraries.of("dave", "erin", "alice", "ALICE", "Bob", "carol", "", "  ",
                "bob@example.com", "CAROL@example.com", "dave@example.com", "pw");
        Arbitrary<Object> scalars = Arbitraries.<Object>oneOf(List.of(strings, Arbitraries.integers().between(-3, 3),
                Arbitraries.of(true, false))).injectNull(0.1);
        Arbitrary<Map<String, Object>> maps = Arbitraries.maps(Arbitraries.of("a", "b", "c", "type", "path"), scalars)
                .ofMaxSize(3);
        Arbitrary<Object> junk = Arbitraries.<Object>of(Instant.EPOCH, Secret.of("s3cret"), Secret.of(""), Map.of(1, "x"),
                List.of(Secret.of("x")), Map.of("a", Map.of("b", Secret.of("x"))), new HashSet<>(List.of("x")));
        return Arbitraries.<Object>frequencyOf(
                Tuple.of(8, strings), Tuple.of(3, scalars), Tuple.of(2, strings.list().ofMaxSize(2)),
                Tuple.of(3, maps), Tuple.of(1, junk));
    }
}
