package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.Secret;
import dev.flowstage.samples.host.HostClient.Answer;
import dev.flowstage.spi.StoredExecution;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad HTTP input of every kind gets a clear 4xx or an error challenge, never a stack trace, and
 * leaves the stored execution, the users and the signed-in sessions as they were.
 */
class BadInputTest {
    private static final String PASSWORD = "demo password 1";
    private static final String LOGIN = "/api/v3/flows/executor/default-authentication-flow/";
    private static DemoHost host;

    @BeforeAll
    static void startHost() throws Exception {
        host = DemoHost.start(new DemoHost.Config(0, Secret.of(PASSWORD)));
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    /** A client that started the sign-in and identified akadmin: its execution waits for the password. */
    private static HostClient waitingForPassword() {
        HostClient client = new HostClient(host.baseUri());
        client.get(LOGIN);
        assertThat(client.postJson(LOGIN, "{\"uid_field\":\"akadmin\"}").component()).isEqualTo("ak-stage-password");
        return client;
    }

    private static ExecutionId executionOf(HostClient client) {
        return host.services().sessions.flow(client.cookie(Sessions.FLOW_COOKIE).orElseThrow()).orElseThrow().executionId();
    }

    private static StoredExecution stored(ExecutionId id) {
        return host.services().configuration.executions().find(id).orElseThrow();
    }

    private static void assertNoTrace(Answer answer) {
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.flowstage.");
    }

    @Test
    void wrongContentType_is415_andTheExecutionIsUnchanged() {
        HostClient client = waitingForPassword();
        StoredExecution before = stored(executionOf(client));
        for (String type : List.of("text/plain", "multipart/form-data; boundary=x", "application/xml", "application/jsonx")) {
            Answer answer = client.post(LOGIN, type, "password=x".getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.json().path("detail").asString()).startsWith("Unsupported media type");
            assertNoTrace(answer);
        }
        assertThat(stored(executionOf(client))).isEqualTo(before);
    }

    @Test
    void oversizedBodies_are413_onTheExecutorAndThePages_andChangeNothing() {
        HostClient client = waitingForPassword();
        StoredExecution before = stored(executionOf(client));
        byte[] huge = ("{\"password\":\"" + "p".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer answer = client.post(LOGIN, "application/json", huge);
        assertThat(answer.status()).isEqualTo(413);
        assertNoTrace(answer);
        assertThat(stored(executionOf(client))).isEqualTo(before);
        assertThat(client.postJson(LOGIN, "{\"password\":\"" + PASSWORD + "\"}").component()).isEqualTo("xak-flow-redirect");

        Answer invitation = client.post(UserInterfaceHandler.INVITATIONS, "application/x-www-form-urlencoded",
                ("email=" + "a".repeat(100_000)).getBytes(StandardCharsets.UTF_8), "Origin", host.baseUri().toString());
        assertThat(invitation.status()).isIn(403, 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"flowstage_session=", "flowstage_session=\"", "flowstage_session=%00%ff;;;",
        "flowstage_session=../../etc/passwd", "flowstage_auth=\"unterminated; flowstage_session=x=y=z",
        "=; ; flowstage_session", "flowstage_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void badCookies_getAFreshStartOrAClearDenial_neverATrace(String cookie) {
        HostClient client = new HostClient(host.baseUri());
        Answer get = client.get(LOGIN, "Cookie", cookie);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.component()).isEqualTo("ak-stage-identification");
        Answer post = new HostClient(host.baseUri()).post(LOGIN, "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                "Cookie", cookie);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.component()).isEqualTo("ak-stage-access-denied");
        assertThat(new HostClient(host.baseUri()).get("/api/v3/core/users/me/", "Cookie", cookie).status()).isEqualTo(403);
        Answer page = new HostClient(host.baseUri()).get(UserInterfaceHandler.PATH, "Cookie", cookie);
        assertThat(page.status()).isEqualTo(302);
        assertNoTrace(get);
        assertNoTrace(post);
    }

    @Test
    void veryLongCookieHeader_isHandled() {
        RawHttp.Reply reply = RawHttp.get(host.port(), LOGIN, "Cookie: flowstage_session=" + "x".repeat(7_000));
        assertThat(reply.status()).isIn(200, 400, 431);
        assertThat(reply.body()).doesNotContain("Exception");
    }

    @Test
    void unknownSlugs_are404_everywhere() {
        HostClient client = new HostClient(host.baseUri());
        for (String path : List.of("/api/v3/flows/executor/no-such-flow/", "/api/v3/flows/executor/UPPER/",
                "/api/v3/flows/executor/a%2Fb/", "/if/flow/no-such-flow/", "/if/flow/%3Cscript%3E/", "/application/launch/nope/",
                "/app/nope/", "/flows/-/default/nothing/", "/static/../pom.xml", "/static/flowstage/none.js",
                "/static/flowstage/flow.js.map", "/if/user/nope/")) {
            Answer answer = client.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("<script>");
            assertNoTrace(answer);
        }
        assertThat(client.postJson("/api/v3/flows/executor/no-such-flow/", "{}").status()).isEqualTo(404);
    }

    @Test
    void forgedExecutionId_asTheSessionCookie_findsNothing_andTheRealExecutionIsUntouched() {
        HostClient victim = waitingForPassword();
        ExecutionId id = executionOf(victim);
        StoredExecution before = stored(id);
        String forged = Sessions.FLOW_COOKIE + "=" + id.value();

        Answer post = new HostClient(host.baseUri()).post(LOGIN, "application/json",
                ("{\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8), "Cookie", forged);
        assertThat(post.component()).isEqualTo("ak-stage-access-denied");
        assertThat(post.json().path("error_message").asString()).isEqualTo(ExecutorHandler.NO_EXECUTION);
        HostClient attacker = new HostClient(host.baseUri());
        Answer get = attacker.get(LOGIN, "Cookie", forged);
        assertThat(get.component()).as("a fresh execution, not the victim's").isEqualTo("ak-stage-identification");
        assertThat(attacker.cookie(Sessions.FLOW_COOKIE)).isPresent().get().isNotEqualTo(id.value());

        assertThat(stored(id)).isEqualTo(before);
        assertThat(victim.postJson(LOGIN, "{\"password\":\"" + PASSWORD + "\"}").component()).isEqualTo("xak-flow-redirect");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "http:evil.example",
        "javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
        " javascript:alert(1)", "/%0d%0aSet-Cookie:x=1"})
    void openRedirectsAndScriptUrls_inNext_endAtSlash(String next) {
        String query = "?query=" + URLEncoder.encode("next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        HostClient client = new HostClient(host.baseUri());
        Answer first = client.get(LOGIN + query);
        assertThat(first.json().path("flow_info").path("cancel_url").asString()).isIn("/flows/-/cancel/",
                "/flows/-/cancel/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        client.postJson(LOGIN + query, "{\"uid_field\":\"akadmin\"}");
        Answer done = client.postJson(LOGIN + query, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(done.component()).isEqualTo("xak-flow-redirect");
        String to = done.json().path("to").asString();
        assertThat(to).as(next).satisfiesAnyOf(
                target -> assertThat(target).isEqualTo("/"),
                target -> assertThat(target).startsWith("/").doesNotStartWith("//").doesNotContain("\\", "\r", "\n"));

        String encoded = URLEncoder.encode(next, StandardCharsets.UTF_8);
        assertThat(client.get("/flows/-/cancel/?next=" + encoded).headers().firstValue("Location").orElseThrow())
                .satisfiesAnyOf(location -> assertThat(location).isEqualTo("/"),
                        location -> assertThat(location).startsWith("/").doesNotStartWith("//"));
        Answer signedIn = client.get("/flows/-/default/authentication/?next=" + encoded);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).as("signed in: safe next or the user page")
                .satisfiesAnyOf(location -> assertThat(location).isEqualTo(UserInterfaceHandler.PATH),
                        location -> assertThat(location).startsWith("/").doesNotStartWith("//"));
    }

    @Test
    void malformedQueriesAndBodies_getErrorChallenges_notStatusCodes() {
        HostClient client = waitingForPassword();
        StoredExecution before = stored(executionOf(client));
        for (String body : List.of("{", "[]", "\"string\"", "null", "{\"password\":{\"$gt\":\"\"}}", "{\"a\":" + "[".repeat(64))) {
            Answer answer = client.postJson(LOGIN, body);
            assertThat(answer.status()).as(body).isEqualTo(200);
            assertThat(answer.component()).as(body).isEqualTo("ak-stage-password");
            assertThat(answer.json().has("response_errors")).as(body).isTrue();
            assertNoTrace(answer);
        }
        RawHttp.Reply badQuery = RawHttp.get(host.port(), LOGIN + "?query=%zz&next=%");
        assertThat(badQuery.status()).as("the JDK server refuses a malformed request target itself").isEqualTo(400);
        assertThat(badQuery.body()).as("its own one-line answer, no trace").doesNotContain("\tat ").doesNotContain("dev.flowstage.");
        RawHttp.Reply badInnerQuery = RawHttp.get(host.port(), LOGIN + "?query=next%3D%25zz%25");
        assertThat(badInnerQuery.status()).isEqualTo(200);
        assertThat(badInnerQuery.body()).contains("\"component\":\"ak-stage-identification\"");
        assertThat(stored(executionOf(client)).version()).as("only failed-attempt counters may move")
                .isGreaterThanOrEqualTo(before.version());
        assertThat(client.postJson(LOGIN, "{\"password\":\"" + PASSWORD + "\"}").component()).isEqualTo("xak-flow-redirect");
    }

    @Test
    void otherMethods_onPages_are405WithAllow() {
        HostClient client = new HostClient(host.baseUri());
        for (String path : List.of("/if/flow/default-authentication-flow/", "/outbox/", "/flows/-/cancel/",
                "/flows/-/default/authentication/", "/application/launch/handbook/", "/static/flowstage/flow.js",
                "/api/v3/core/brands/current/")) {
            Answer answer = client.send("DELETE", path);
            assertThat(answer.status()).as(path).isEqualTo(405);
            assertThat(answer.headers().firstValue("Allow")).as(path).isPresent();
        }
    }

    @Test
    void mailedLinkTokens_thatAreGarbage_answerAccessDenied_andStartNothing() {
        int before = host.services().users.store().findByUsername("akadmin").map(u -> 1).orElse(0);
        for (String token : List.of("", "x", "%00", "a".repeat(5_000), "../../../", "' OR 1=1 --")) {
            String query = "?query=" + URLEncoder.encode("flow_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            Answer answer = new HostClient(host.baseUri()).get("/api/v3/flows/executor/default-recovery-flow/" + query);
            assertThat(answer.status()).as(token).isEqualTo(200);
            assertThat(answer.component()).as(token).isIn("ak-stage-access-denied", "ak-stage-identification");
            assertNoTrace(answer);
        }
        assertThat(host.services().users.store().findByUsername("akadmin").map(u -> 1).orElse(0)).isEqualTo(before);
    }
}
