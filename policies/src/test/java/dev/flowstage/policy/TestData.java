package dev.flowstage.policy;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.spi.PolicyRequest;
import java.util.Map;
import java.util.Set;

/** Users, requests and contexts the tests share. */
final class TestData {
    static final User ALICE = new User("u-1", "alice", "alice@example.com", "Alice", true, false,
            Set.of("staff", "admins"), "$argon2id$v=19$secret", Map.of("department", "it", "level", 4));
    static final User BOB = User.of("u-2", "bob", "bob@example.org");
    /** Shaped like alice (same attribute types), so expressions about alice evaluate for her too. */
    static final User CAROL = new User("u-3", "carol", "carol@example.net", "Carol", false, true,
            Set.of("staff", "sales"), null, Map.of("department", "sales", "level", 2));
    static final RequestInfo REQUEST = new RequestInfo("10.0.0.7", "Mozilla/5.0 Firefox/140.0", "login.example.com",
            Map.of("next", "/app"), null);
    static final FlowContext CONTEXT = FlowContext.empty()
            .with(ContextKeys.PENDING_USER, PendingUser.of(ALICE))
            .with(ContextKeys.PROMPT_DATA, Map.of("email", "alice@example.com", "age", 30));

    private TestData() {}

    static PolicyRequest request(User user) {
        return new PolicyRequest(user, REQUEST, CONTEXT);
    }
}
