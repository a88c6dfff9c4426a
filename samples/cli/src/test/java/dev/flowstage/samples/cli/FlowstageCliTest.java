package dev.flowstage.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.core.DirectoryTokenStore;
import dev.flowstage.core.internal.exec.TokenHashes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowstageCliTest {
    static final String FLOW = """
            version: 1
            metadata: {name: Logout}
            entries:
            - model: authentik_flows.flow
              id: flow
              identifiers: {slug: bye}
              attrs: {designation: invalidation, title: Bye}
            - model: authentik_stages_user_logout.userlogoutstage
              id: logout
              identifiers: {name: bye-logout}
            - model: authentik_flows.flowstagebinding
              identifiers: {target: !KeyOf flow, stage: !KeyOf logout, order: 0}
            """;

    @TempDir
    Path dir;

    /** The outcome of one run: exit code and the two streams. */
    record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowstageCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private String store() {
        return dir.resolve("store").toString();
    }

    private String file(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file.toString();
    }

    @Test
    void validate_validFile_exitsZero_andChangesNothing() throws Exception {
        Run run = run("blueprint", "validate", "--store", store(), file("bye.yaml", FLOW));

        assertThat(run.code()).isEqualTo(FlowstageCli.OK);
        assertThat(run.out()).isEqualTo("VALID 1 blueprints, 3 changes\n");
        assertThat(dir.resolve("store/configuration.json")).doesNotExist();
    }

    @Test
    void validate_invalidFile_exitsOne_withOneErrorLinePerProblem() throws Exception {
        String file = file("bad.yaml", FLOW.replace("invalidation", "nonsense").replace("userlogoutstage", "nostage"));

        Run run = run("blueprint", "validate", "--store", store(), file);

        assertThat(run.code()).isEqualTo(FlowstageCli.INVALID);
        assertThat(run.out().lines()).hasSize(4).last().isEqualTo("INVALID 3 problems");
        assertThat(run.out().lines().toList().get(0)).isEqualTo("ERROR " + file + ":4: entries[0] attrs.designation: "
                + "designation 'nonsense' is not one of [authentication, authorization, enrollment, recovery, invalidation, "
                + "stage_configuration, unenrollment]");
        assertThat(run.out()).contains("ERROR " + file + ":8: entries[1] model: unknown model 'authentik_stages_user_logout.nostage'");
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(run("blueprint", "frobnicate").code()).isEqualTo(FlowstageCli.USAGE);
        assertThat(run("blueprint", "validate").code()).isEqualTo(FlowstageCli.USAGE);
        assertThat(run().code()).isEqualTo(FlowstageCli.USAGE);
        assertThat(run("recovery-key", "create", "alice", "--years", "0", "--flow", "x").code()).isEqualTo(FlowstageCli.USAGE);
    }

    @Test
    void diffApplyExport_roundTrip() throws Exception {
        String file = file("bye.yaml", FLOW);

        Run diff = run("blueprint", "diff", "--store", store(), file);
        assertThat(diff.code()).isZero();
        assertThat(diff.out().lines()).containsExactly(
                "CREATE authentik_flows.flow slug=bye (" + file + " entries[0])",
                "CREATE authentik_stages_user_logout.userlogoutstage name=bye-logout (" + file + " entries[1])",
                "CREATE authentik_flows.flowstagebinding order=0 (" + file + " entries[2])",
                "PLAN 3 changes, flows changed [bye], flows removed []");

        Run apply = run("blueprint", "apply", "--store", store(), file);
        assertThat(apply.code()).isZero();
        assertThat(apply.out()).endsWith("APPLIED 3 changes, flows changed [bye], flows removed []\n");
        assertThat(apply.err()).contains("entries");

        assertThat(run("blueprint", "diff", "--store", store(), file).out()).isEqualTo("PLAN 0 changes, flows changed [], flows removed []\n");

        Run export = run("blueprint", "export", "--store", store());
        assertThat(export.code()).isZero();
        assertThat(export.out()).contains("slug: bye", "model: authentik_stages_user_logout.userlogoutstage");
        Path exported = dir.resolve("export.yaml");
        assertThat(run("blueprint", "export", "--store", store(), "-o", exported.toString(), "bye").out())
                .isEqualTo("EXPORTED " + exported + "\n");
        assertThat(Files.readString(exported)).isEqualTo(export.out());
        assertThat(run("blueprint", "apply", "--no-progress", "--store", store(), exported.toString()).out())
                .isEqualTo("APPLIED 0 changes, flows changed [], flows removed []\n");
        assertThat(run("blueprint", "export", "--store", store(), "nope").code()).isEqualTo(FlowstageCli.INVALID);
    }

    @Test
    void apply_invalidFile_leavesTheStoreAsItWas() throws Exception {
        run("blueprint", "apply", "--no-progress", "--store", store(), file("bye.yaml", FLOW));
        String before = Files.readString(dir.resolve("store/configuration.json"));

        Run run = run("blueprint", "apply", "--no-progress", "--store", store(),
                file("worse.yaml", FLOW.replace("Bye", "Changed") + "- model: nope.nope\n  identifiers: {name: x}\n"));

        assertThat(run.code()).isEqualTo(FlowstageCli.INVALID);
        assertThat(run.out()).endsWith("INVALID 1 problems; nothing was applied\n");
        assertThat(Files.readString(dir.resolve("store/configuration.json"))).isEqualTo(before);
    }

    @Test
    void defaults_applyFromTheClasspath() {
        Run run = run("blueprint", "apply", "--no-progress", "--store", store(), "--context",
                "flowstage.dev/link_base_url=https://login.example.com", "default:");

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("flows changed [default-authentication-flow, default-enrollment-flow, "
                + "default-invalidation-flow, default-password-change, default-recovery-flow]");
    }

    @Test
    void recoveryKeyCreate_printsAOneTimeLink_ofTheBrandsRecoveryFlow() {
        assertThat(run("recovery-key", "create", "alice", "--store", store()).code()).isEqualTo(FlowstageCli.INVALID);
        run("blueprint", "apply", "--no-progress", "--store", store(), "default:");

        Run run = run("recovery-key", "create", "alice", "--years", "2", "--store", store(), "--base-url", "https://login.example.com");

        assertThat(run.code()).isZero();
        assertThat(run.out()).matches("https://login\\.example\\.com/if/flow/default-recovery-flow/\\?flow_token=[A-Za-z0-9_-]{43}\n");
        String key = run.out().trim().substring(run.out().indexOf("flow_token=") + "flow_token=".length());
        assertThat(new DirectoryTokenStore(dir.resolve("store")).find(TokenHashes.hash(key))).hasValueSatisfying(token -> {
            assertThat(token.purpose()).isEqualTo("recovery");
            assertThat(token.flowSlug()).isEqualTo("default-recovery-flow");
            assertThat(token.data()).containsEntry("username", "alice");
            assertThat(token.executionId()).isNull();
        });
        assertThat(run("recovery-key", "create", "bob", "--flow", "my-flow", "--store", store()).out())
                .startsWith("http://localhost:8080/if/flow/my-flow/?flow_token=");
    }

    @Test
    void recoveryKeyWithData_writesIntoTheHostsDatabase_andRefusesUnknownUsers(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path data) {
        try (dev.flowstage.jdbc.JdbcStores stores = dev.flowstage.jdbc.JdbcStores.h2File(data)) {
            stores.users().create(new dev.flowstage.api.UserDraft("akadmin", "akadmin@example.com", "Admin", true,
                    java.util.Set.of(), null, java.util.Map.of()));
        }
        Run unknown = run("recovery-key", "create", "nobody", "--data", data.toString());
        assertThat(unknown.code()).isEqualTo(FlowstageCli.INVALID);
        assertThat(unknown.out()).startsWith("ERROR no user 'nobody'");

        Run created = run("recovery-key", "create", "akadmin", "--data", data.toString(), "--base-url", "http://127.0.0.1:9000");
        assertThat(created.code()).isEqualTo(FlowstageCli.OK);
        assertThat(created.out()).startsWith("http://127.0.0.1:9000/if/flow/default-recovery-flow/?flow_token=");
        try (dev.flowstage.jdbc.JdbcStores stores = dev.flowstage.jdbc.JdbcStores.h2File(data)) {
            String token = created.out().trim().substring(created.out().indexOf("flow_token=") + "flow_token=".length());
            assertThat(stores.tokens().find(dev.flowstage.core.internal.exec.TokenHashes.hash(token))).isPresent();
        }
    }
}
