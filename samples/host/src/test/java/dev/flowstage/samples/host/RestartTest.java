package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Secret;
import dev.flowstage.jdbc.JdbcStores;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.stages.hash.Argon2idHasher;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host on its H2 file: a restart in the middle of a journey loses nothing. */
class RestartTest {
    private static final Pattern FLOW_TOKEN = Pattern.compile("flow_token=([A-Za-z0-9_-]+)");
    private static final String RECOVERY = "/api/v3/flows/executor/default-recovery-flow/";
    private final PasswordHasher hasher = new Argon2idHasher(Argon2idHasher.Parameters.forTests(), new SecureRandom());

    /** Both runs serve the same port, as a restarted host does: mailed links (and so the flows) name it. */
    private final int port = freePort();

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path dataDir;

    private DemoHost start(JdbcStores stores, Optional<Secret> adminPassword) throws Exception {
        return DemoHost.start(new DemoHost.Config(port, adminPassword, 0),
                HostConfiguration.jdbc(stores, adminPassword, hasher, SealerKey.inFolder(dataDir), Optional.empty()));
    }

    @Test
    void restartAfterTheMailWasSent_theLinkStillCompletesTheRecovery(@TempDir Path data) throws Exception {
        String token;
        long configurationVersion;
        try (JdbcStores stores = JdbcStores.h2File(data); DemoHost first = start(stores, Optional.of(Secret.of("first password 1")))) {
            HostClient browser = new HostClient(first.baseUri());
            browser.get(RECOVERY);
            assertThat(browser.postJson(RECOVERY, "{\"uid_field\":\"akadmin\"}").component()).isEqualTo("ak-stage-email");
            token = tokenMailedTo(first, "akadmin@example.com");
            configurationVersion = stores.configuration().load().version();
        }
        try (JdbcStores stores = JdbcStores.h2File(data); DemoHost second = start(stores, Optional.empty())) {
            assertThat(stores.configuration().load().version()).as("the blueprints applied again change nothing")
                    .isEqualTo(configurationVersion).isPositive();
            HostClient phone = new HostClient(second.baseUri());
            String link = RECOVERY + "?query=" + URLEncoder.encode("flow_token=" + token, StandardCharsets.UTF_8);
            HostClient.Answer confirm = phone.get(link);
            assertThat(confirm.component()).as(confirm.body()).isEqualTo("ak-stage-consent");
            String body = "{\"token\":\"" + confirm.json().path("token").asString() + "\"}";
            assertThat(phone.postJson(link, body).component()).isEqualTo("ak-stage-prompt");
            assertThat(phone.postJson(link, "{\"password\":\"second password 2\",\"password_repeat\":\"second password 2\"}")
                    .component()).isEqualTo("xak-flow-redirect");
            assertThat(phone.get("/api/v3/core/users/me/").json().path("user").path("username").asString()).isEqualTo("akadmin");
            assertThat(hasher.verify(Secret.of("second password 2"),
                    stores.users().findByUsername("akadmin").orElseThrow().passwordHash())).isTrue();
        }
    }

    @Test
    void recoveryKeyFromTheCommandLine_logsTheUserInAfterANewPassword(@TempDir Path data) throws Exception {
        try (JdbcStores stores = JdbcStores.h2File(data); DemoHost first = start(stores, Optional.of(Secret.of("first password 1")))) {
            assertThat(first.baseUri()).isNotNull();
        }
        String key;
        try (JdbcStores stores = JdbcStores.h2File(data)) {
            key = dev.flowstage.core.RecoveryKeys.issue(stores.tokens(), java.time.Clock.systemUTC(), new SecureRandom(),
                    "default-recovery-flow", "akadmin", java.time.Duration.ofDays(365));
        }
        try (JdbcStores stores = JdbcStores.h2File(data); DemoHost host = start(stores, Optional.empty())) {
            HostClient browser = new HostClient(host.baseUri());
            String link = RECOVERY + "?query=" + URLEncoder.encode("flow_token=" + key, StandardCharsets.UTF_8);
            HostClient.Answer confirm = browser.get(link);
            assertThat(confirm.component()).as(confirm.body()).isEqualTo("ak-stage-consent");
            HostClient.Answer next = browser.postJson(link, "{\"token\":\"" + confirm.json().path("token").asString() + "\"}");
            assertThat(next.component()).as("the key names the user: no identification, no mail").isEqualTo("ak-stage-prompt");
            assertThat(browser.postJson(link, "{\"password\":\"recovered pw 3\",\"password_repeat\":\"recovered pw 3\"}")
                    .component()).isEqualTo("xak-flow-redirect");
            assertThat(browser.get("/api/v3/core/users/me/").json().path("user").path("username").asString()).isEqualTo("akadmin");
            assertThat(new HostClient(host.baseUri()).get(link).component()).as("the key works once")
                    .isEqualTo("ak-stage-access-denied");
        }
    }

    private static String tokenMailedTo(DemoHost host, String address) {
        for (MailServer.Mail mail : host.services().mail.mails()) {
            Matcher matcher = FLOW_TOKEN.matcher(mail.text());
            if (mail.to().contains(address) && matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no mail with a link to " + address);
    }
}
