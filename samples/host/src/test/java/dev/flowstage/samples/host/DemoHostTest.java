package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Secret;
import dev.flowstage.samples.host.HostClient.Answer;
import dev.flowstage.samples.terms.TermsOfServiceStage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Walks the demo host over real HTTP, as a browser would, keeping cookies. */
class DemoHostTest {
    private static final String PASSWORD = "demo password 1";
    private static final String LOGIN = "/api/v3/flows/executor/default-authentication-flow/";
    private static final String TERMS_LOGIN = "/api/v3/flows/executor/terms-login/";
    private static final String ME = "/api/v3/core/users/me/";
    private static DemoHost host;

    @BeforeAll
    static void startHost() throws Exception {
        host = DemoHost.start(new DemoHost.Config(0, Secret.of(PASSWORD)));
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    private static HostClient client() {
        return new HostClient(host.baseUri());
    }

    private static String identify(String user) {
        return "{\"component\":\"ak-stage-identification\",\"uid_field\":\"" + user + "\"}";
    }

    private static String password(String password) {
        return "{\"component\":\"ak-stage-password\",\"password\":\"" + password + "\"}";
    }

    /** GET, identify and answer the right password on {@code path}; returns the last answer. */
    private static Answer signIn(HostClient client, String path) {
        assertThat(client.get(path).component()).isEqualTo("ak-stage-identification");
        assertThat(client.postJson(path, identify("akadmin")).component()).isEqualTo("ak-stage-password");
        return client.postJson(path, password(PASSWORD));
    }

    @Test
    void login_identifyWrongThenRightPassword_signsInAndUsersMeAnswers() {
        HostClient client = client();
        Answer first = client.get(LOGIN);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.component()).isEqualTo("ak-stage-identification");
        assertThat(first.json().path("user_fields").toString()).isEqualTo("[\"username\",\"email\"]");
        assertThat(first.json().path("flow_info").path("cancel_url").asString()).isEqualTo("/flows/-/cancel/");
        assertThat(first.setCookie(Sessions.FLOW_COOKIE).orElseThrow())
                .contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Max-Age");
        assertThat(client.get(ME).status()).isEqualTo(403);

        Answer passwordChallenge = client.postJson(LOGIN, identify("akadmin"));
        assertThat(passwordChallenge.component()).isEqualTo("ak-stage-password");
        assertThat(passwordChallenge.json().path("pending_user").asString()).isEqualTo("akadmin");

        Answer wrong = client.postJson(LOGIN, password("wrong"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.component()).isEqualTo("ak-stage-password");
        assertThat(wrong.json().path("response_errors").toString())
                .isEqualTo("{\"password\":[{\"string\":\"Invalid password\",\"code\":\"invalid\"}]}");

        Answer done = client.postJson(LOGIN, password(PASSWORD));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.component()).isEqualTo("xak-flow-redirect");
        assertThat(done.json().path("to").asString()).isEqualTo("/");
        assertThat(done.setCookie(Sessions.AUTH_COOKIE).orElseThrow())
                .contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Max-Age");

        Answer me = client.get(ME);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("user").path("username").asString()).isEqualTo("akadmin");
    }

    @Test
    void get_afterCompletion_startsAFreshExecution() {
        HostClient client = client();
        signIn(client, LOGIN);
        Answer again = client.get(LOGIN);
        assertThat(again.component()).isEqualTo("ak-stage-identification");
        assertThat(again.json().has("response_errors")).isFalse();
    }

    @Test
    void post_afterCompletion_answersAccessDeniedWithTheReason() {
        HostClient client = client();
        signIn(client, LOGIN);
        Answer late = client.postJson(LOGIN, password(PASSWORD));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.component()).isEqualTo("ak-stage-access-denied");
        assertThat(late.json().path("error_message").asString()).contains("has already finished; start the flow again");
        assertThat(late.json().path("pending_user").asString()).isEmpty();
        assertThat(late.json().path("pending_user_avatar").asString()).isNotEmpty();
        assertThat(late.json().path("flow_info").path("title").asString()).isEqualTo("Welcome to Flowstage!");
    }

    @Test
    void post_formBody_isAcceptedLikeJson() {
        HostClient client = client();
        client.get(LOGIN);
        assertThat(client.postForm(LOGIN, "component=ak-stage-identification&uid_field=akadmin").component())
                .isEqualTo("ak-stage-password");
        assertThat(client.postForm(LOGIN, "password=" + PASSWORD.replace(" ", "+")).component())
                .isEqualTo("xak-flow-redirect");
    }

    @Test
    void post_malformedJson_answers200WithParseError() {
        HostClient client = client();
        client.get(LOGIN);
        Answer answer = client.postJson(LOGIN, "{\"uid_field\": ");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.component()).isEqualTo("ak-stage-identification");
        JsonNode errors = answer.json().path("response_errors").path("non_field_errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("code").asString()).isEqualTo("parse_error");
    }

    @Test
    void post_malformedForm_answers200WithParseError() {
        HostClient client = client();
        client.get(LOGIN);
        Answer answer = client.postForm(LOGIN, "uid_field=%zz");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("response_errors").path("non_field_errors").get(0).path("code").asString())
                .isEqualTo("parse_error");
    }

    @Test
    void post_oneMegabyteBody_is413AndTheFlowGoesOn() {
        HostClient client = client();
        client.get(LOGIN);
        byte[] huge = ("{\"uid_field\":\"" + "a".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer answer = client.post(LOGIN, "application/json", huge);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().path("detail").asString()).isEqualTo("Request body is larger than 65536 bytes.");
        assertThat(client.postJson(LOGIN, identify("akadmin")).component()).isEqualTo("ak-stage-password");
    }

    @Test
    void post_wrongContentType_is415() {
        HostClient client = client();
        client.get(LOGIN);
        Answer answer = client.post(LOGIN, "text/plain", "uid_field=akadmin".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().path("detail").asString()).startsWith("Unsupported media type \"text/plain\"");
    }

    @Test
    void unknownSlugOrPath_is404Json() {
        HostClient client = client();
        Answer get = client.get("/api/v3/flows/executor/no-such-flow/");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.json().path("detail").asString()).isEqualTo("No Flow matches the given query.");
        assertThat(client.postJson("/api/v3/flows/executor/no-such-flow/", identify("akadmin")).status()).isEqualTo(404);
        assertThat(client.get("/api/v3/flows/executor/Not%20A%20Slug/").status()).isEqualTo(404);
        assertThat(client.get("/api/v3/nothing/here/").status()).isEqualTo(404);
    }

    @Test
    void otherMethods_are405() {
        Answer answer = client().send("DELETE", LOGIN);
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).contains("GET, POST");
    }

    @Test
    void forgedSessionCookie_getStartsAFreshExecutionAndPostIsDenied() {
        String forged = Sessions.FLOW_COOKIE + "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        HostClient client = client();
        Answer denied = client.post(LOGIN, "application/json", identify("akadmin").getBytes(StandardCharsets.UTF_8),
                "Cookie", forged);
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.component()).isEqualTo("ak-stage-access-denied");
        assertThat(denied.json().path("error_message").asString()).isEqualTo(ExecutorHandler.NO_EXECUTION);

        Answer fresh = client.get(LOGIN, "Cookie", forged);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.component()).isEqualTo("ak-stage-identification");
        assertThat(fresh.setCookie(Sessions.FLOW_COOKIE).orElseThrow()).doesNotStartWith(forged + ";");
        assertThat(client.postJson(LOGIN, identify("akadmin")).component()).isEqualTo("ak-stage-password");
    }

    @Test
    void javascriptNext_completionRedirectIsSlash() {
        HostClient client = client();
        String path = LOGIN + "?query=next%3Djavascript%253Aalert(1)";
        Answer first = client.get(path);
        assertThat(first.json().path("flow_info").path("cancel_url").asString()).isEqualTo("/flows/-/cancel/");
        client.postJson(path, identify("akadmin"));
        Answer done = client.postJson(path, password(PASSWORD));
        assertThat(done.component()).isEqualTo("xak-flow-redirect");
        assertThat(done.json().path("to").asString()).isEqualTo("/");
    }

    @Test
    void relativeNext_isTheCompletionRedirect() {
        HostClient client = client();
        String path = LOGIN + "?query=next%3D%252Fapp%252F";
        assertThat(client.get(path).json().path("flow_info").path("cancel_url").asString())
                .isEqualTo("/flows/-/cancel/?next=%2Fapp%2F");
        client.postJson(path, identify("akadmin"));
        assertThat(client.postJson(path, password(PASSWORD)).json().path("to").asString()).isEqualTo("/app/");
    }

    @Test
    void cancel_redirectsOnlyToSafeTargetsAndEndsTheExecution() {
        HostClient client = client();
        client.get(LOGIN);
        assertThat(client.get("/flows/-/cancel/?next=javascript:alert(1)").headers().firstValue("Location")).contains("/");
        assertThat(client.get("/flows/-/cancel/?next=%2F%2Fevil.example%2F").headers().firstValue("Location")).contains("/");
        Answer cancelled = client.get("/flows/-/cancel/?next=%2Fapp%2F");
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(cancelled.headers().firstValue("Location")).contains("/app/");
        assertThat(client.postJson(LOGIN, identify("akadmin")).component()).isEqualTo("ak-stage-access-denied");
        assertThat(client.get(LOGIN).component()).isEqualTo("ak-stage-identification");
    }

    @Test
    void switchingFlows_discardsTheOtherFlowsExecution() {
        HostClient client = client();
        client.get(LOGIN);
        assertThat(client.get(TERMS_LOGIN).component()).isEqualTo("ak-stage-identification");
        assertThat(client.postJson(LOGIN, identify("akadmin")).component()).isEqualTo("ak-stage-access-denied");
        assertThat(client.postJson(TERMS_LOGIN, identify("akadmin")).component()).isEqualTo("ak-stage-password");
    }

    @Test
    void termsLogin_refusesUntilAcceptedThenSignsInForEightHoursAndDoesNotAskAgain() {
        HostClient client = client();
        Answer terms = signIn(client, TERMS_LOGIN);
        assertThat(terms.component()).isEqualTo(TermsOfServiceStage.COMPONENT);
        assertThat(terms.json().path("terms_version").asString()).isEqualTo(DemoFlows.TERMS_VERSION);
        assertThat(terms.json().path("pending_user").asString()).isEqualTo("akadmin");

        Answer refused = client.postJson(TERMS_LOGIN, "{\"accept\": false}");
        assertThat(refused.json().path("response_errors").toString()).isEqualTo(
                "{\"accept\":[{\"string\":\"You must accept the terms to continue.\",\"code\":\"required\"}]}");

        Answer done = client.postForm(TERMS_LOGIN, "accept=on");
        assertThat(done.component()).isEqualTo("xak-flow-redirect");
        assertThat(done.setCookie(Sessions.AUTH_COOKIE).orElseThrow()).contains("; Max-Age=28800");
        assertThat(client.get(ME).json().path("user").path("username").asString()).isEqualTo("akadmin");

        assertThat(signIn(client(), TERMS_LOGIN).component()).isEqualTo("xak-flow-redirect");
    }

    @Test
    void config_fromEnvironment_readsPortsAndPassword() {
        DemoHost.Config defaults = DemoHost.Config.fromEnvironment(Map.of());
        assertThat(defaults.port()).isEqualTo(9000);
        assertThat(defaults.smtpPort()).isZero();
        assertThat(defaults.adminPassword()).as("no password: the initial setup sets it").isEmpty();
        DemoHost.Config set = DemoHost.Config.fromEnvironment(
                Map.of("FLOWSTAGE_PORT", " 0 ", "FLOWSTAGE_DEMO_PASSWORD", "pw", "FLOWSTAGE_SMTP_PORT", "2525"));
        assertThat(set.port()).isZero();
        assertThat(set.smtpPort()).isEqualTo(2525);
        assertThat(set.adminPassword().orElseThrow().reveal()).isEqualTo("pw");
        assertThat(List.of("x", "70000")).allSatisfy(port -> org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> DemoHost.Config.fromEnvironment(Map.of("FLOWSTAGE_PORT", port)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FLOWSTAGE_PORT"));
    }

    @Test
    void walkthrough_namesTheUrlTheUserAndCommandsThatWork() {
        String text = Walkthrough.text(host.baseUri(), Secret.of("it's"));
        assertThat(text).contains(host.baseUri() + LOGIN)
                .contains("Sign-in: user akadmin, password it's")
                .contains("'{\"component\":\"ak-stage-password\",\"password\":\"it'\\''s\"}'")
                .contains(host.baseUri() + ME);
    }
}
