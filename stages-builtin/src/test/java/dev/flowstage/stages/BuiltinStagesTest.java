package dev.flowstage.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.Stage;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.redirect.RedirectConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userlogout.UserLogoutConfig;
import dev.flowstage.stages.deny.DenyConfig;
import dev.flowstage.stages.email.EmailConfig;
import dev.flowstage.stages.invitation.InvitationConfig;
import dev.flowstage.stages.userwrite.UserWriteConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltinStagesTest {
    private static final Map<String, Stage<?>> BY_TYPE =
            BuiltinStages.all().stream().collect(Collectors.toMap(Stage::typeId, Function.identity()));

    @Test
    void all_everyBuiltinType_registeredOnce() {
        assertThat(BY_TYPE).hasSameSizeAs(BuiltinStages.all());
        assertThat(BY_TYPE).containsKeys("builtin.identification", "builtin.password", "builtin.user_login",
                "builtin.user_logout", "builtin.deny", "builtin.dummy", "builtin.redirect", "builtin.user_write",
                "builtin.invitation", "builtin.email", "builtin.prompt");
    }

    @Test
    void factories_defaultConfigs_produceDefinitionsTheirStageTypeAccepts() {
        List<StageDefinition> definitions = List.of(
                BuiltinStages.identification("id", IdentificationConfig.defaults()),
                BuiltinStages.password("pw", PasswordConfig.defaults()),
                BuiltinStages.userLogin("login", UserLoginConfig.defaults()),
                BuiltinStages.userLogout("logout"),
                BuiltinStages.deny("deny", "Go away"),
                BuiltinStages.dummy("dummy", DummyConfig.defaults()),
                BuiltinStages.redirect("redirect", RedirectConfig.defaults()),
                BuiltinStages.userWrite("write", UserWriteConfig.defaults()),
                BuiltinStages.invitation("invitation", InvitationConfig.defaults()),
                BuiltinStages.email("email", EmailConfig.defaults("https://login.example.com")),
                BuiltinStages.prompt("prompt", dev.flowstage.stages.prompt.PromptConfig.defaults()));

        assertThat(definitions).extracting(StageDefinition::type).doesNotHaveDuplicates()
                .allMatch(BY_TYPE::containsKey);
        assertThat(definitions).allSatisfy(definition ->
                assertThat(definition.config()).isInstanceOf(BY_TYPE.get(definition.type()).configType()));
        assertThat(definitions.get(4).config()).isEqualTo(new DenyConfig("Go away"));
        assertThat(definitions.get(3).config()).isEqualTo(new UserLogoutConfig());
    }

    @Test
    void all_everyStage_describesItselfBeyondItsTypeId() {
        assertThat(BuiltinStages.all()).allSatisfy(stage -> assertThat(stage.description()).isNotEqualTo(stage.typeId()));
    }
}
