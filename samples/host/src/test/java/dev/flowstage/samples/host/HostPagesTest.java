package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.UserDraft;
import dev.flowstage.samples.host.HostClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The host's pages, redirects, brands, applications, sessions and mailed links, over real HTTP. */
class HostPagesTest {
    private static final String PASSWORD = "demo password 1";
    private static final String USER_PASSWORD = "a user password";
    private static final String STAFF = "/api/v3/flows/executor/" + DemoFlows.STAFF_LOGIN + "/";
    private static final String LOGIN = "/api/v3/flows/executor/default-authentication-flow/";
    private static final String ME = "/api/v3/core/users/me/";
    private static final Pattern FLOW_TOKEN = Pattern.compile("flow_token=([A-Za-z0-9_-]+)");
    private static DemoHost host;

    @BeforeAll
    static void startHost() throws Exception {
        host = DemoHost.start(new DemoHost.Config(0, Secret.of(PASSWORD)));
        String hash = host.services().configuration.hasher().hash(Secret.of(USER_PASSWORD));
        host.services().users.store().create(new UserDraft("erin", "erin@example.org", "Erin", true, Set.of(), hash, Map.of()));
        host.services().users.store().create(new UserDraft("carol", "carol@example.com", "Carol", true, Set.of(), hash, Map.of()));
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    private static HostClient client() {
        return new HostClient(host.baseUri());
    }

    private static String json(String... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":").append(pairs[i + 1]);
        }
        return out.append('}').toString();
    }

    private static String quoted(String text) {
        return HttpAnswers.toJson(text);
    }

    private static Answer signIn(HostClient client, String path, String username, String password) {
        client.get(path);
        assertThat(client.postJson(path, json("uid_field", quoted(username))).component()).isEqualTo("ak-stage-password");
        return client.postJson(path, json("password", quoted(password)));
    }

    @Test
    void root_leadsThroughTheUserPageToTheBrandsSignIn() {
        HostClient client = client();
        assertThat(client.get("/").headers().firstValue("Location")).contains("/if/user/");
        assertThat(client.get("/if/user/").headers().firstValue("Location"))
                .contains("/flows/-/default/authentication/?next=%2Fif%2Fuser%2F");
        Answer toFlow = client.get("/flows/-/default/authentication/?next=%2Fif%2Fuser%2F");
        assertThat(toFlow.status()).isEqualTo(302);
        assertThat(toFlow.headers().firstValue("Location")).contains("/if/flow/default-authentication-flow/?next=%2Fif%2Fuser%2F");
        assertThat(client.get("/flows/-/default/invalidation/").headers().firstValue("Location"))
                .contains("/if/flow/default-invalidation-flow/");
        assertThat(client.get("/flows/-/default/recovery/").headers().firstValue("Location"))
                .contains("/if/flow/default-recovery-flow/");
    }

    @Test
    void flowPage_isAnHtmlShellWithStrictHeaders_unknownSlugIs404() {
        Answer page = client().get("/if/flow/default-authentication-flow/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.body()).contains("data-slug=\"default-authentication-flow\"").contains("/static/flowstage/flow.js")
                .contains("<title>Flowstage</title>").doesNotContain("<script>");
        assertThat(client().get("/if/flow/default-authentication-flow?x=1").headers().firstValue("Location"))
                .contains("/if/flow/default-authentication-flow/?x=1");
        Answer unknown = client().get("/if/flow/no-such-flow/");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("No flow matches this address.");
        assertThat(client().get("/static/flowstage/flow.js").headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(client().get("/static/dist/assets/images/user_default.png").status()).isEqualTo(200);
    }

    @Test
    void brands_followTheHostHeader_withTheDefaultForUnknownHosts() {
        int port = host.port();
        RawHttp.Reply staff = RawHttp.get(port, BrandHandler.PATH, "Host: localhost:" + port);
        assertThat(staff.body()).contains("\"branding_title\":\"Flowstage Staff\"")
                .contains("\"flow_authentication\":\"staff-authentication-flow\"")
                .contains("\"flow_invalidation\":\"default-invalidation-flow\"");
        assertThat(RawHttp.get(port, BrandHandler.PATH, "Host: eu.localhost").body()).contains("\"branding_title\":\"Flowstage Staff\"");
        assertThat(RawHttp.get(port, BrandHandler.PATH, "Host: notlocalhost").body()).contains("\"branding_title\":\"Flowstage\"");
        assertThat(RawHttp.get(port, BrandHandler.PATH, "Host: login.example.com").body())
                .contains("\"flow_authentication\":\"default-authentication-flow\"");
        assertThat(RawHttp.get(port, "/flows/-/default/authentication/", "Host: localhost:" + port).header("Location"))
                .isEqualTo("/if/flow/staff-authentication-flow/");
        RawHttp.Reply page = RawHttp.get(port, "/if/flow/staff-authentication-flow/", "Host: localhost:" + port);
        assertThat(page.body()).contains("/static/flowstage/logo-staff.svg", "/static/flowstage/favicon-staff.svg",
                "Flowstage Staff");
    }

    @Test
    void rememberMe_addsItsOffsetToTheSessionCookie_andNoKeepsTheSessionDuration() {
        HostClient remembered = client();
        assertThat(signIn(remembered, STAFF, "akadmin", PASSWORD).component()).isEqualTo("ak-stage-user-login");
        Answer yes = remembered.postJson(STAFF, json("remember_me", "true"));
        assertThat(yes.component()).isEqualTo("xak-flow-redirect");
        long thirtyDaysAndEightHours = DemoFlows.STAFF_SESSION.plus(DemoFlows.STAFF_REMEMBER_ME).toSeconds();
        assertThat(yes.setCookie(Sessions.AUTH_COOKIE).orElseThrow()).endsWith("; Max-Age=" + thirtyDaysAndEightHours);

        HostClient forgotten = client();
        signIn(forgotten, STAFF, "akadmin", PASSWORD);
        assertThat(forgotten.postForm(STAFF, "remember_me=false").setCookie(Sessions.AUTH_COOKIE).orElseThrow())
                .endsWith("; Max-Age=" + DemoFlows.STAFF_SESSION.toSeconds());
        assertThat(forgotten.get(ME).status()).isEqualTo(200);
    }

    @Test
    void logout_throughTheInvalidationFlow_endsTheServerSessionToo() {
        HostClient client = client();
        signIn(client, LOGIN, "akadmin", PASSWORD);
        String session = client.cookie(Sessions.AUTH_COOKIE).orElseThrow();
        Answer out = client.get("/api/v3/flows/executor/default-invalidation-flow/");
        assertThat(out.component()).isEqualTo("xak-flow-redirect");
        assertThat(out.setCookie(Sessions.AUTH_COOKIE).orElseThrow()).contains("Max-Age=0");
        assertThat(client.get(ME).status()).isEqualTo(403);
        Answer replayed = client().get(ME, "Cookie", Sessions.AUTH_COOKIE + "=" + session);
        assertThat(replayed.status()).as("the old cookie value is dead on the server").isEqualTo(403);
    }

    @Test
    void signingInAgain_replacesTheOldSession() {
        HostClient client = client();
        signIn(client, LOGIN, "akadmin", PASSWORD);
        String first = client.cookie(Sessions.AUTH_COOKIE).orElseThrow();
        signIn(client, LOGIN, "erin", USER_PASSWORD);
        assertThat(client.get(ME).json().path("user").path("username").asString()).isEqualTo("erin");
        assertThat(client().get(ME, "Cookie", Sessions.AUTH_COOKIE + "=" + first).status()).isEqualTo(403);
    }

    @Test
    void applications_listAndLaunch_followTheirBindings() {
        HostClient anonymous = client();
        assertThat(anonymous.get("/application/launch/handbook/").headers().firstValue("Location"))
                .contains("/flows/-/default/authentication/?next=%2Fapplication%2Flaunch%2Fhandbook%2F");

        HostClient erin = client();
        signIn(erin, LOGIN, "erin", USER_PASSWORD);
        Answer page = erin.get("/if/user/");
        assertThat(page.body()).contains("data-app=\"handbook\"").doesNotContain("data-app=\"admin-console\"")
                .doesNotContain("data-app=\"team-wiki\"").doesNotContain("data-app=\"payroll\"");
        Answer denied = erin.get("/application/launch/admin-console/");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains(ApplicationHandler.DENIED);
        assertThat(erin.get("/app/payroll/").status()).isEqualTo(403);
        assertThat(erin.get("/application/launch/handbook/").headers().firstValue("Location")).contains("/app/handbook/");
        assertThat(erin.get("/application/launch/nothing/").status()).isEqualTo(404);

        HostClient admin = client();
        signIn(admin, LOGIN, "akadmin", PASSWORD);
        assertThat(admin.get("/if/user/").body()).contains("data-app=\"admin-console\"", "data-app=\"payroll\"",
                "data-app=\"team-wiki\"");
        assertThat(admin.get("/application/launch/admin-console/").headers().firstValue("Location")).contains("/app/admin-console/");
    }

    @Test
    void applicationWithAuthorizationFlow_opensOnlyAfterTheFlowCompletedInThisSession() {
        HostClient admin = client();
        signIn(admin, LOGIN, "akadmin", PASSWORD);
        String toFlow = admin.get("/application/launch/team-wiki/").headers().firstValue("Location").orElseThrow();
        assertThat(toFlow).isEqualTo("/if/flow/default-provider-authorization-explicit-consent/"
                + "?next=%2Fapplication%2Flaunch%2Fteam-wiki%2F&application=team-wiki");
        assertThat(admin.get("/app/team-wiki/").headers().firstValue("Location")).as("not yet authorized").contains(toFlow);

        String executor = "/api/v3/flows/executor/default-provider-authorization-explicit-consent/?query="
                + java.net.URLEncoder.encode(toFlow.substring(toFlow.indexOf('?') + 1), StandardCharsets.UTF_8);
        Answer consent = admin.get(executor);
        assertThat(consent.component()).isEqualTo("ak-stage-consent");
        assertThat(consent.json().path("flow_info").path("title").asString()).isEqualTo("Redirecting to Team Wiki");
        assertThat(admin.postJson(executor, json("token", quoted("forged"))).json().path("response_errors").path("token")
                .get(0).path("string").asString()).isEqualTo(ConsentStage.INVALID_TOKEN);
        Answer done = admin.postJson(executor, json("token", quoted(consent.json().path("token").asString())));
        assertThat(done.json().path("to").asString()).isEqualTo("/application/launch/team-wiki/");
        assertThat(admin.get("/application/launch/team-wiki/").headers().firstValue("Location")).contains("/app/team-wiki/");
        assertThat(admin.get("/app/team-wiki/").status()).isEqualTo(200);

        String implicit = admin.get("/application/launch/payroll/").headers().firstValue("Location").orElseThrow();
        Answer redirect = admin.get("/api/v3/flows/executor/default-provider-authorization-implicit-consent/?query="
                + java.net.URLEncoder.encode(implicit.substring(implicit.indexOf('?') + 1), StandardCharsets.UTF_8));
        assertThat(redirect.json().path("to").asString()).isEqualTo("/application/launch/payroll/");
        assertThat(admin.get("/application/launch/payroll/").headers().firstValue("Location")).contains("/app/payroll/");
    }

    @Test
    void mailedLink_resumesOnAnotherDevice_reloadsShowTheSameStep_andItWorksOnce() throws Exception {
        HostClient requester = client();
        String recovery = "/api/v3/flows/executor/default-recovery-flow/";
        requester.get(recovery);
        assertThat(requester.postJson(recovery, json("uid_field", quoted("carol"))).component()).isEqualTo("ak-stage-email");
        String token = lastToken("carol@example.com");
        String withToken = recovery + "?query=" + java.net.URLEncoder.encode("flow_token=" + token, StandardCharsets.UTF_8);

        HostClient phone = client();
        Answer confirm = phone.get(withToken);
        assertThat(confirm.component()).isEqualTo("ak-stage-consent");
        assertThat(confirm.json().path("header_text").asString()).isEqualTo("Continue to confirm this email address.");
        assertThat(phone.get(withToken).component()).as("a reload shows the same confirmation").isEqualTo("ak-stage-consent");
        Answer prompt = phone.postJson(withToken, json("token", quoted(confirm.json().path("token").asString())));
        assertThat(prompt.component()).isEqualTo("ak-stage-prompt");
        assertThat(phone.get(withToken).component()).as("a reload after confirming stays on the step").isEqualTo("ak-stage-prompt");
        Answer done = phone.postJson(withToken, json("password", quoted("carol's new password"), "password_repeat",
                quoted("carol's new password")));
        assertThat(done.component()).isEqualTo("xak-flow-redirect");
        assertThat(phone.get(ME).json().path("user").path("username").asString()).isEqualTo("carol");

        Answer again = client().get(withToken);
        assertThat(again.component()).isEqualTo("ak-stage-access-denied");
        assertThat(again.json().path("error_message").asString()).isEqualTo("This link was already used. Please request a new one.");
        Answer foreign = client().get("/api/v3/flows/executor/default-enrollment-flow/?query="
                + java.net.URLEncoder.encode("flow_token=" + token, StandardCharsets.UTF_8));
        assertThat(foreign.component()).isEqualTo("ak-stage-access-denied");
    }

    @Test
    void invitations_onlySuperusersFromThisOrigin_issueThem() {
        HostClient admin = client();
        signIn(admin, LOGIN, "akadmin", PASSWORD);
        byte[] form = "email=zed%40example.com".getBytes(StandardCharsets.UTF_8);
        String origin = host.baseUri().toString();
        assertThat(admin.post(UserInterfaceHandler.INVITATIONS, "application/x-www-form-urlencoded", form).status())
                .as("no Origin: refused").isEqualTo(403);
        assertThat(admin.post(UserInterfaceHandler.INVITATIONS, "application/x-www-form-urlencoded", form,
                "Origin", "http://evil.example").status()).isEqualTo(403);
        Answer issued = admin.post(UserInterfaceHandler.INVITATIONS, "application/x-www-form-urlencoded", form, "Origin", origin);
        assertThat(issued.status()).isEqualTo(200);
        Matcher link = Pattern.compile("id=\"invitation-link\"[^>]*href=\"([^\"]+)\"").matcher(issued.body());
        assertThat(link.find()).isTrue();
        String path = java.net.URI.create(link.group(1).replace("&amp;", "&")).getRawPath();
        String query = java.net.URI.create(link.group(1).replace("&amp;", "&")).getRawQuery();
        assertThat(path).isEqualTo("/if/flow/default-enrollment-invitation/");
        Answer prompt = client().get("/api/v3/flows/executor/default-enrollment-invitation/?query="
                + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(prompt.component()).isEqualTo("ak-stage-prompt");

        HostClient erin = client();
        signIn(erin, LOGIN, "erin", USER_PASSWORD);
        assertThat(erin.post(UserInterfaceHandler.INVITATIONS, "application/x-www-form-urlencoded", form, "Origin", origin)
                .status()).isEqualTo(403);
    }

    @Test
    void initialSetup_appliesOnlyWhileTheAdminHasNoPassword() throws Exception {
        String setup = "/api/v3/flows/executor/initial-setup/";
        Answer refused = client().get(setup);
        assertThat(refused.component()).isEqualTo("ak-stage-access-denied");
        assertThat(refused.json().path("error_message").asString()).isEqualTo(InitialSetup.DONE);

        try (DemoHost fresh = DemoHost.start(new DemoHost.Config(0, Optional.empty(), 0))) {
            HostClient client = new HostClient(fresh.baseUri());
            assertThat(Walkthrough.banner(fresh.baseUri(), fresh.smtpPort(), Optional.empty(), true))
                    .contains(fresh.baseUri() + "/if/flow/initial-setup/").contains("/outbox/");
            assertThat(client.get(setup).component()).isEqualTo("ak-stage-prompt");
            Answer mismatch = client.postJson(setup, json("email", quoted("root@example.com"), "password", quoted("a good password"),
                    "password_repeat", quoted("another password")));
            assertThat(mismatch.json().path("response_errors").toString()).contains("Passwords don't match.");
            Answer done = client.postJson(setup, json("email", quoted("root@example.com"), "password", quoted("a good password"),
                    "password_repeat", quoted("a good password")));
            assertThat(done.component()).isEqualTo("xak-flow-redirect");
            assertThat(client.get(ME).json().path("user").path("username").asString()).isEqualTo("akadmin");
            User admin = fresh.services().users.store().findByUsername("akadmin").orElseThrow();
            assertThat(admin.email()).isEqualTo("root@example.com");
            assertThat(fresh.services().configuration.hasher().verify(Secret.of("a good password"), admin.passwordHash())).isTrue();
            assertThat(new HostClient(fresh.baseUri()).get(setup).component()).isEqualTo("ak-stage-access-denied");
        }
    }

    @Test
    void settingsPage_linksTheUserSettingsAndPasswordChangeFlows_whichWork() {
        HostClient erin = client();
        signIn(erin, LOGIN, "erin", USER_PASSWORD);
        Answer settings = erin.get("/if/user/settings/");
        assertThat(settings.body()).contains("href=\"/if/flow/default-user-settings-flow/?next=%2Fif%2Fuser%2Fsettings%2F\"")
                .contains("href=\"/if/flow/default-password-change/?next=%2Fif%2Fuser%2Fsettings%2F\"")
                .contains("erin@example.org");
        String change = "/api/v3/flows/executor/default-password-change/?query=next%3D%252Fif%252Fuser%252Fsettings%252F";
        assertThat(erin.get(change).component()).isEqualTo("ak-stage-prompt");
        Answer changed = erin.postJson(change, json("password", quoted("erin's newer password"), "password_repeat",
                quoted("erin's newer password")));
        assertThat(changed.json().path("to").asString()).isEqualTo("/if/user/settings/");
        assertThat(erin.get(ME).status()).as("still signed in").isEqualTo(200);
        assertThat(signIn(client(), LOGIN, "erin", "erin's newer password").component()).isEqualTo("xak-flow-redirect");
        host.services().users.store().update(host.services().users.store().findByUsername("erin").orElseThrow()
                .withPasswordHash(host.services().configuration.hasher().hash(Secret.of(USER_PASSWORD))));

        String details = "/api/v3/flows/executor/default-user-settings-flow/";
        JsonNode fields = erin.get(details).json().path("fields");
        assertThat(fields.get(1).path("initial_value").asString()).isEqualTo("erin@example.org");
        assertThat(client().get(details).component()).as("anonymous: not applicable").isEqualTo("ak-stage-access-denied");
    }

    @Test
    void outbox_showsMailsWithClickableLinks_andEscapesTheirText() {
        assertThat(OutboxHandler.linkify("see <b>http://127.0.0.1:1/if/flow/x/?flow_token=abc&x=1</b> now"))
                .isEqualTo("see &lt;b&gt;<a class=\"mail-link\" href=\"http://127.0.0.1:1/if/flow/x/?flow_token=abc&amp;x=1\">"
                        + "http://127.0.0.1:1/if/flow/x/?flow_token=abc&amp;x=1</a>&lt;/b&gt; now");
        assertThat(OutboxHandler.linkify("javascript:alert(1) <script>")).isEqualTo("javascript:alert(1) &lt;script&gt;");
        Answer outbox = client().get("/outbox/");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.body()).contains("Outbox").contains("SMTP port " + host.smtpPort());
    }

    private static String lastToken(String to) {
        for (MailServer.Mail mail : host.services().mail.mails()) {
            Matcher matcher = FLOW_TOKEN.matcher(mail.text());
            if (mail.to().contains(to) && matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no mail with a link to " + to + " in " + host.services().mail.mails());
    }
}
