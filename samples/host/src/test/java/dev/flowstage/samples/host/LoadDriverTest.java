package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.Secret;
import dev.flowstage.samples.host.LatencySamples.Latency;
import dev.flowstage.samples.host.LoadClient.Step;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the load driver for real, briefly, and checks what it counted, never how fast: the machine
 * is shared, so no timing is asserted.
 */
class LoadDriverTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String ADMIN_PASSWORD = "load test password 1";

    @Test
    void drive_fourClientsCheapHasherInProcess_everyMeasuredJourneySignsInItsOwnUser() throws Exception {
        LoadOptions options = LoadOptions.parse(
                List.of("--clients", "4", "--duration", "2s", "--warmup", "200ms", "--hasher", "cheap"), Map.of());

        LoadReport report = LoadDriver.drive(options, QUIET);

        assertThat(report.errors()).isZero();
        assertThat(report.firstError()).isEmpty();
        assertThat(report.logins()).isPositive();
        assertThat(report.loginsByUser()).containsOnlyKeys("load-user-1", "load-user-2", "load-user-3", "load-user-4");
        assertThat(report.loginsByUser().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(report.logins());
        for (Step step : Step.values()) {
            assertThat(report.requests().get(step).count()).as(step.label).isEqualTo(report.logins());
            assertOrdered(report.requests().get(step));
        }
        assertThat(report.allRequests().count()).isEqualTo(4 * report.logins());
        assertOrdered(report.journeys());
        assertThat(report.table()).contains("logins/s", "POST executor (password)", "GET  users/me (verify)")
                .doesNotContain("first error");
    }

    @Test
    void run_runningHostWithTheAdminPassword_signsInAsAdminAndExitsZero() throws Exception {
        try (DemoHost host = DemoHost.start(new DemoHost.Config(0, Secret.of(ADMIN_PASSWORD)))) {
            Run run = run(Map.of(LoadOptions.PASSWORD_VARIABLE, ADMIN_PASSWORD), "--url", host.baseUri().toString(),
                    "--clients", "2", "--duration", "2s", "--warmup", "0s", "--no-verify");

            assertThat(run.status()).as(run.err()).isEqualTo(LoadDriver.OK);
            assertThat(run.out()).contains("demo host at " + host.baseUri(), "clients 2, users 1")
                    .doesNotContain("users/me (verify)");
        }
    }

    @Test
    void run_runningHostWithAWrongPassword_failsBeforeMeasuringAndNamesTheAnswer() throws Exception {
        try (DemoHost host = DemoHost.start(new DemoHost.Config(0, Secret.of(ADMIN_PASSWORD)))) {
            Run run = run(Map.of(LoadOptions.PASSWORD_VARIABLE, "not the password"), "--url", host.baseUri().toString(),
                    "--duration", "1s");

            assertThat(run.status()).isEqualTo(LoadDriver.FAILED);
            assertThat(run.err()).contains("the first sign-in as akadmin failed, nothing measured")
                    .contains("step password: expected HTTP 200 and xak-flow-redirect, got HTTP 200 ak-stage-password")
                    .contains("Invalid password").doesNotContain("not the password");
            assertThat(run.out()).doesNotContain("logins/s");
        }
    }

    @Test
    void run_unknownOption_exitsTwoNamingItWithTheUsage() {
        Run run = run(Map.of(), "--clients", "2", "--bogus", "1");

        assertThat(run.status()).isEqualTo(LoadDriver.USAGE);
        assertThat(run.err()).startsWith("error: unknown option '--bogus'; see --help").contains("usage: LoadDriver");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void run_help_printsTheUsageAndExitsZero() {
        Run run = run(Map.of(), "--help");

        assertThat(run.status()).isEqualTo(LoadDriver.OK);
        assertThat(run.out()).contains("usage: LoadDriver", "--hasher H");
    }

    @Test
    void parse_durationWithoutUnit_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> parse("--duration", "30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--duration must be a whole number with a unit ms, s or m (such as 30s), got '30'");
        assertThatThrownBy(() -> parse("--warmup", "1.5s"))
                .hasMessage("--warmup must be a whole number with a unit ms, s or m (such as 30s), got '1.5s'");
        assertThatThrownBy(() -> parse("--duration", "0s"))
                .hasMessage("--duration must be positive and --warmup not negative, got PT0S and PT5S");
    }

    @Test
    void parse_badValues_areRejectedNamingTheOption() {
        assertThatThrownBy(() -> parse("--clients")).hasMessage("option --clients needs a value");
        assertThatThrownBy(() -> parse("--clients", "--duration", "1s")).hasMessage("option --clients needs a value");
        assertThatThrownBy(() -> parse("--clients", "four")).hasMessage("--clients must be a whole number, got 'four'");
        assertThatThrownBy(() -> parse("--clients", "0")).hasMessage("--clients must be 1 to 1024, got 0");
        assertThatThrownBy(() -> parse("--users", "-1")).hasMessage("--users must be 0 to 100000, got -1");
        assertThatThrownBy(() -> parse("--hasher", "md5")).hasMessage("--hasher must be cheap or argon2id, got 'md5'");
        assertThatThrownBy(() -> parse("--url", "ftp://example.com"))
                .hasMessage("--url must be an http URL such as http://127.0.0.1:9000, got 'ftp://example.com'");
    }

    @Test
    void parse_urlWithInProcessOptionsOrWithoutPassword_isRejected() {
        Map<String, String> env = Map.of(LoadOptions.PASSWORD_VARIABLE, "x");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--url", "http://127.0.0.1:9000", "--hasher", "cheap"), env))
                .hasMessage("--hasher and --users apply only to an in-process host, not with --url");
        assertThatThrownBy(() -> parse("--url", "http://127.0.0.1:9000"))
                .hasMessage("--url needs the password of akadmin in FLOWSTAGE_DEMO_PASSWORD (the host reads the same variable)");
    }

    @Test
    void parse_defaults_fourClientsOneUserEachCheapThirtySeconds() {
        LoadOptions options = parse();

        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.users()).isEqualTo(4);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.hasher()).isEqualTo(LoadOptions.Hasher.CHEAP);
        assertThat(options.url()).isEmpty();
        assertThat(options.verify()).isTrue();
        assertThat(options.username(5)).isEqualTo("load-user-2");
        assertThat(parse("--users", "0").username(3)).isEqualTo(DemoUsers.ADMIN);
        assertThat(parse("--duration", "2m", "--warmup", "250ms").duration()).isEqualTo(Duration.ofMinutes(2));
    }

    private static void assertOrdered(Latency latency) {
        assertThat(latency.p50()).isPositive().isLessThanOrEqualTo(latency.p90());
        assertThat(latency.p90()).isLessThanOrEqualTo(latency.p99());
        assertThat(latency.p99()).isLessThanOrEqualTo(latency.max());
    }

    private static LoadOptions parse(String... args) {
        return LoadOptions.parse(List.of(args), Map.of());
    }

    private record Run(int status, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LoadDriver.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
