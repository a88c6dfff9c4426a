package dev.flowstage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintProblem;
import dev.flowstage.core.blueprint.BlueprintResult;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.stages.BuiltinModels;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** authentik's default blueprints (test resources, MIT licensed; see authentik/README.md) against the loader. */
class AuthentikBlueprintsTest {
    static final Path FOLDER = folder();
    static final String PASSWORD_OPTIONAL_MVEL = "context.auth_method == null";
    static final String MFA_OPTIONAL_MVEL = "context.auth_method != 'auth_webauthn_pwl'";

    private final FlowKit kit = FlowKit.builder().transcriptName("AuthentikBlueprintsTest")
            .configure(engine -> engine.service(dev.flowstage.spi.DeviceStore.class, new dev.flowstage.core.InMemoryDeviceStore()))
            .user("alice", "correct horse").build();

    @AfterEach
    void close() {
        kit.close();
    }

    private static Path folder() {
        try {
            return Path.of(AuthentikBlueprintsTest.class.getResource("/authentik/default").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Blueprints.Builder blueprints() {
        return Blueprints.builder().models(BuiltinModels.all()).engine(kit.engine());
    }

    @Test
    void flowsOfSupportedModelsOnly_load() {
        BlueprintResult result = blueprints().build().apply(List.of(
                Blueprint.of(FOLDER.resolve("flow-default-invalidation-flow.yaml")),
                Blueprint.of(FOLDER.resolve("flow-default-provider-authorization-implicit-consent.yaml")),
                Blueprint.of(FOLDER.resolve("flow-default-provider-authorization-explicit-consent.yaml")),
                Blueprint.of(FOLDER.resolve("flow-default-provider-invalidation.yaml")),
                Blueprint.of(FOLDER.resolve("flow-default-authenticator-static-setup.yaml")),
                Blueprint.of(FOLDER.resolve("flow-default-authenticator-totp-setup.yaml")),
                Blueprint.of(FOLDER.resolve("flow-default-authenticator-webauthn-setup.yaml")),
                Blueprint.of(FOLDER.resolve("flow-password-change.yaml"))));

        assertThat(result.problems()).isEmpty();
        assertThat(result.deployed()).containsExactly("default-authenticator-static-setup",
                "default-authenticator-totp-setup", "default-authenticator-webauthn-setup", "default-invalidation-flow",
                "default-password-change", "default-provider-authorization-explicit-consent",
                "default-provider-authorization-implicit-consent",
                "default-provider-invalidation-flow");
        kit.start("default-invalidation-flow").expectCompleted();
    }

    @Test
    void authenticationFlow_pythonExpressions_areRejectedPerEntry_withTheMvelEquivalent() {
        BlueprintResult result = blueprints().build()
                .apply(Blueprint.of(FOLDER.resolve("flow-default-authentication-flow.yaml")));

        assertThat(result.applied()).isFalse();
        assertThat(kit.engine().flowSlugs()).isEmpty();
        List<BlueprintProblem> python = result.problems().stream()
                .filter(problem -> problem.source().endsWith("flow-default-authentication-flow.yaml"))
                .filter(problem -> problem.key().equals("attrs.expression")).toList();
        assertThat(python).extracting(BlueprintProblem::entry).containsExactly(10, 11);
        assertThat(result.problems()).extracting(BlueprintProblem::entry).containsExactly(10, 11, 12, 13);
        assertThat(python).allSatisfy(problem -> assertThat(problem.message())
                .startsWith("this looks like authentik's Python, but Flowstage expressions are MVEL")
                .contains("use `user.username == 'x'` instead of `return request.user.username == 'x'`")
                .contains("drop `return`")
                .contains("`request.context[\"k\"]` and `request.context.get(\"k\")` are `context.k`"));
    }

    @Test
    void authenticationFlow_withMvelExpressions_compilesAndLogsIn() throws Exception {
        String mvel = withMvel(Files.readString(FOLDER.resolve("flow-default-authentication-flow.yaml")));

        BlueprintResult result = blueprints().build()
                .apply(new Blueprint("flow-default-authentication-flow.yaml", FOLDER, mvel));

        assertThat(result.problems()).isEmpty();
        assertThat(result.deployed()).containsExactly("default-authentication-flow", "default-password-change");
        kit.start("default-authentication-flow")
                .expect("ak-stage-identification").expectField("user_fields", List.of("email", "username"))
                .answer(Map.of("uid_field", "alice"))
                .expect("ak-stage-password").answer(Map.of("password", "correct horse"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"));
    }

    @Test
    void passwordChange_loadsAsIs_andChangesThePassword() {
        BlueprintResult result = blueprints().build().apply(Blueprint.of(FOLDER.resolve("flow-password-change.yaml")));

        assertThat(result.problems()).isEmpty();
        String alice = kit.users().get("alice").id();
        kit.start("default-password-change", dev.flowstage.api.RequestInfo.anonymous().withAuthenticatedUser(alice))
                .expect("ak-stage-prompt")
                .answer(Map.of("password", "short", "password_repeat", "short"))
                .expectFieldError("non_field_errors", "invalid", "Password needs to be 8 characters or longer.")
                .answer(Map.of("password", "Tr0ub4dor&3 horse battery", "password_repeat", "Tr0ub4dor&3 horse battery"))
                .expectCompleted();
        assertThat(kit.users().passwordMatches("alice", "Tr0ub4dor&3 horse battery")).isTrue();
    }

    @Test
    void everyAuthentikFile_loadsOrNamesTheEntryAndKeyOfEachProblem() throws Exception {
        Blueprints planner = blueprints().build();
        try (var files = Files.list(FOLDER)) {
            for (Path file : files.sorted().toList()) {
                BlueprintResult plan = planner.plan(Blueprint.of(file));
                assertThat(plan.problems()).as(file.getFileName().toString()).allSatisfy(problem -> {
                    assertThat(problem.line()).isPositive();
                    assertThat(problem.entry()).isNotNegative();
                    assertThat(problem.key()).isNotEmpty();
                    assertThat(problem.message()).matches("(?s)(unknown model|this looks like authentik's Python|!KeyOf"
                            + "|the applied blueprint|required blueprint|prompt type).*");
                });
            }
        }
        assertThat(kit.engine().flowSlugs()).isEmpty();
    }

    /** Replaces the two Python expressions of authentik's default authentication flow with their MVEL equivalents. */
    static String withMvel(String yaml) {
        String[] parts = yaml.split("    expression: \\|\n");
        StringBuilder out = new StringBuilder(parts[0]);
        List<String> replacements = List.of(PASSWORD_OPTIONAL_MVEL, MFA_OPTIONAL_MVEL);
        for (int i = 1; i < parts.length; i++) {
            String rest = parts[i].substring(parts[i].indexOf("\n- ") + 1);
            out.append("    expression: \"").append(replacements.get(i - 1)).append("\"\n").append(rest);
        }
        return out.toString();
    }
}
