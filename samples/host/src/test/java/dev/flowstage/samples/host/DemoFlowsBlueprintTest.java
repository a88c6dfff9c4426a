package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.core.blueprint.BlueprintException;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.samples.journeys.Journeys;
import dev.flowstage.stages.BuiltinModels;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.hash.Pbkdf2Hasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFlowsBlueprintTest {
    @TempDir
    Path folder;

    @Test
    void demoBlueprints_applyOverTheDefaults_andDefineEveryFlowAndBrandTheHostNames() throws Exception {
        HostConfiguration configuration = HostConfiguration.inMemory(Optional.empty(), Pbkdf2Hasher.withDefaults());
        try (Engine started = new Engine(configuration)) {
            FlowEngine engine = started.engine();
            HostBlueprints.Applied applied = HostBlueprints.apply(engine, configuration, "http://127.0.0.1:9000");
            Brands brands = applied.brands();

            assertThat(engine.flowSlugs()).contains(DemoFlows.LOGIN, DemoFlows.TERMS_LOGIN, DemoFlows.STAFF_LOGIN,
                    DemoFlows.LOGOUT, DemoFlows.USER_SETTINGS, DemoFlows.EXPLICIT_CONSENT, DemoFlows.IMPLICIT_CONSENT,
                    DemoFlows.SHOWCASE, InitialSetup.FLOW, Journeys.RECOVERY, Journeys.OPEN_ENROLLMENT,
                    Journeys.INVITATION_ENROLLMENT, Journeys.EMAIL_VERIFIED_ENROLLMENT, Journeys.PASSWORD_CHANGE);
            assertThat(applied.applications()).extracting(Application::slug)
                    .containsExactly("admin-console", "handbook", "payroll", "team-wiki");
            assertThat(applied.applications()).allSatisfy(app -> app.authorization()
                    .ifPresent(flow -> assertThat(engine.flowSlugs()).contains(flow)));
            Application payroll = applied.applications().get(2);
            assertThat(payroll.bindings()).containsExactly(PolicyBinding.user(DemoUsers.ADMIN));
            assertThat(payroll.authorizationFlow()).isEqualTo(DemoFlows.IMPLICIT_CONSENT);
            IdentificationConfig identification = (IdentificationConfig) engine.definition(DemoFlows.LOGIN).orElseThrow()
                    .stages().get(0).config();
            assertThat(identification.userFields()).containsExactly(UserField.USERNAME, UserField.EMAIL);
            assertThat(identification.recoveryFlow()).isEqualTo(Journeys.RECOVERY);
            assertThat(identification.enrollmentFlow()).isEqualTo(Journeys.OPEN_ENROLLMENT);
            Brand staff = brands.forHost("localhost:9000");
            assertThat(staff.title()).isEqualTo("Flowstage Staff");
            assertThat(staff.flowAuthentication()).isEqualTo(DemoFlows.STAFF_LOGIN);
            assertThat(staff.logo()).isEqualTo("/static/flowstage/logo-staff.svg");
            Brand standard = brands.forHost("127.0.0.1:9000");
            assertThat(standard.defaultBrand()).isTrue();
            assertThat(standard.flowAuthentication()).isEqualTo(DemoFlows.LOGIN);
            assertThat(standard.flowUserSettings()).isEqualTo(DemoFlows.USER_SETTINGS);
        }
    }

    @Test
    void secondStart_changesNothing_andServesTheStoredFlows() throws Exception {
        HostConfiguration configuration = HostConfiguration.inMemory(Optional.empty(), Pbkdf2Hasher.withDefaults());
        try (Engine one = new Engine(configuration); Engine two = new Engine(configuration)) {
            FlowEngine first = one.engine();
            FlowEngine second = two.engine();
            HostBlueprints.apply(first, configuration, "http://127.0.0.1:9000");
            long version = configuration.blueprintStore().load().version();

            HostBlueprints.apply(second, configuration, "http://127.0.0.1:9000");

            assertThat(configuration.blueprintStore().load().version()).isEqualTo(version);
            assertThat(second.flowSlugs()).isEqualTo(first.flowSlugs());
            assertThat(second.definition(DemoFlows.TERMS_LOGIN)).isEqualTo(first.definition(DemoFlows.TERMS_LOGIN));
        }
    }

    @Test
    void hostFolderBlueprints_applyAfterTheDemo() throws Exception {
        Files.writeString(folder.resolve("retitle.yaml"), """
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: terms-login}
                  attrs: {title: Terms first}
                """);
        HostConfiguration configuration = withFolder(folder);
        try (Engine started = new Engine(configuration)) {
            FlowEngine engine = started.engine();
            HostBlueprints.apply(engine, configuration, "http://127.0.0.1:9000");

            assertThat(engine.definition(DemoFlows.TERMS_LOGIN).orElseThrow().title()).isEqualTo("Terms first");
        }
    }

    @Test
    void brokenBlueprintInTheFolder_stopsTheStart_namingTheFile_andAppliesNothing() throws Exception {
        Files.writeString(folder.resolve("broken.yaml"), """
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: terms-login}
                  attrs: {designation: nonsense}
                """);
        HostConfiguration configuration = withFolder(folder);
        try (Engine started = new Engine(configuration)) {
            FlowEngine engine = started.engine();

            assertThatThrownBy(() -> HostBlueprints.apply(engine, configuration, "http://127.0.0.1:9000"))
                    .isInstanceOf(BlueprintException.class)
                    .hasMessageContaining("broken.yaml")
                    .hasMessageContaining("designation");

            assertThat(configuration.blueprintStore().load().version()).isZero();
            assertThat(engine.flowSlugs()).isEmpty();
        }
    }

    @Test
    void brandTheHostCannotServe_stopsTheStart_andStoresNothing() throws Exception {
        Files.writeString(folder.resolve("brand.yaml"), """
                version: 1
                entries:
                - model: authentik_brands.brand
                  identifiers: {domain: evil.example}
                  attrs: {branding_logo: "javascript:alert(1)"}
                """);
        HostConfiguration configuration = withFolder(folder);
        try (Engine started = new Engine(configuration)) {

            assertThatThrownBy(() -> HostBlueprints.apply(started.engine(), configuration, "http://127.0.0.1:9000"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("brand 'evil.example'")
                    .hasMessageContaining("logo");

            assertThat(configuration.blueprintStore().load().version()).isZero();
            assertThat(started.engine().flowSlugs()).isEmpty();
        }
    }

    @Test
    void folderBlueprintLabelledNotToInstantiate_isSkipped() throws Exception {
        Files.writeString(folder.resolve("example.yaml"), """
                version: 1
                metadata:
                  name: An example
                  labels: {blueprints.goauthentik.io/instantiate: "false"}
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: terms-login}
                  attrs: {title: Never applied}
                """);
        HostConfiguration configuration = withFolder(folder);
        try (Engine started = new Engine(configuration)) {
            HostBlueprints.apply(started.engine(), configuration, "http://127.0.0.1:9000");

            assertThat(started.engine().definition(DemoFlows.TERMS_LOGIN).orElseThrow().title()).isEqualTo("Welcome to Flowstage!");
        }
    }

    @Test
    void demoBlueprints_useModelsForEveryHostStage() {
        Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all()).models(HostModels.all()).build();

        assertThat(blueprints.modelNames()).contains("flowstage_host.initialsetupstage",
                "flowstage_host.adminwithoutpasswordpolicy", "flowstage_host.consentstage",
                "flowstage_samples_terms.termsofservicestage");
    }

    /** An engine of {@code configuration} with a mail server, closed together. */
    private record Engine(MailServer mail, FlowEngine engine) implements AutoCloseable {
        Engine(HostConfiguration configuration) {
            this(MailServer.start(0), configuration);
        }

        private Engine(MailServer mail, HostConfiguration configuration) {
            this(mail, configuration.engine(mail.mailer(), slug -> Optional.empty(), Clock.systemUTC(), new SecureRandom()));
        }

        @Override
        public void close() {
            engine.close();
            mail.close();
        }
    }

    private static HostConfiguration withFolder(Path folder) {
        HostConfiguration memory = HostConfiguration.inMemory(Optional.empty(), Pbkdf2Hasher.withDefaults());
        return new HostConfiguration(memory.users(), memory.executions(), memory.tokens(), memory.invitations(),
                memory.devices(), memory.blueprintStore(), memory.hasher(), memory.passwordChangeFlow(), memory.sealer(),
                Optional.of(folder));
    }
}
