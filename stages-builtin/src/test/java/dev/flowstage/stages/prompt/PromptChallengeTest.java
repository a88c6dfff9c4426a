package dev.flowstage.stages.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptChallengeTest {
    private static final Set<String> WIRE_KEYS = Set.of("field_key", "label", "type", "required", "placeholder",
            "initial_value", "order", "sub_text", "choices");
    private final PromptStage stage = new PromptStage();

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fields(Challenge challenge) {
        return (List<Map<String, Object>>) challenge.field("fields");
    }

    static Map<String, Object> field(Challenge challenge, String key) {
        return fields(challenge).stream().filter(field -> key.equals(field.get("field_key"))).findFirst().orElseThrow();
    }

    @Test
    void stage_typeComponentAndConfig_areTheDocumentedOnes() {
        assertThat(stage.typeId()).isEqualTo("builtin.prompt");
        assertThat(PromptStage.COMPONENT).isEqualTo("ak-stage-prompt");
        assertThat(stage.configType()).isEqualTo(PromptConfig.class);
        assertThat(PromptStage.definition("enroll-fields", PromptConfig.of(Fields.NAME)).type()).isEqualTo("builtin.prompt");
    }

    @Test
    void challenge_everyFieldType_sortedByOrderWithTheWireKeys() {
        List<PromptField> shuffled = new ArrayList<>(Fields.ALL);
        Collections.reverse(shuffled);

        Challenge challenge = stage.challenge(PromptContext.of(PromptConfig.of().withFields(shuffled)));

        assertThat(challenge.component()).isEqualTo("ak-stage-prompt");
        assertThat(fields(challenge)).extracting(field -> field.get("field_key"))
                .containsExactlyElementsOf(Fields.ALL.stream().map(PromptField::fieldKey).toList());
        assertThat(fields(challenge)).allSatisfy(field -> assertThat(field.keySet()).isEqualTo(WIRE_KEYS));
        assertThat(fields(challenge)).extracting(field -> field.get("type")).containsExactly("username", "text",
                "email", "password", "password", "number", "checkbox", "radio-button-group", "dropdown", "date",
                "date-time", "text_area", "text_read_only", "text_area_read_only", "hidden", "static", "separator");
    }

    @Test
    void challenge_oneField_isExactlyAuthentiksStagePrompt() {
        PromptField email = Fields.EMAIL_FIELD.withPlaceholder("you@example.com").withSubText("We never share it.");

        Map<String, Object> wire = field(stage.challenge(PromptContext.of(email)), "email");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("field_key", "email");
        expected.put("label", "Email");
        expected.put("type", "email");
        expected.put("required", true);
        expected.put("placeholder", "you@example.com");
        expected.put("initial_value", "");
        expected.put("order", 120);
        expected.put("sub_text", "We never share it.");
        expected.put("choices", null);
        assertThat(wire).containsExactlyEntriesOf(expected);
    }

    @Test
    void challenge_equalOrders_keepDefinitionOrder() {
        PromptField a = PromptField.of("a", "A", PromptFieldType.TEXT);
        PromptField b = PromptField.of("b", "B", PromptFieldType.TEXT);
        PromptField c = PromptField.of("c", "C", PromptFieldType.TEXT).withOrder(-1);

        assertThat(fields(stage.challenge(PromptContext.of(a, b, c)))).extracting(field -> field.get("field_key"))
                .containsExactly("c", "a", "b");
    }

    @Test
    void challenge_choiceFields_sendChoicesAndEmptyPlaceholder() {
        Challenge challenge = stage.challenge(PromptContext.of(Fields.COLOR.withPlaceholder("ignored"), Fields.NAME));

        assertThat(field(challenge, "color")).containsEntry("placeholder", "")
                .containsEntry("choices", List.of(Map.of("label", "Red", "value", "red"),
                        Map.of("label", "Green", "value", "green")))
                .containsEntry("initial_value", "red");
        assertThat(field(challenge, "name")).containsEntry("choices", null);
    }

    @Test
    void challenge_choicesInPromptData_winOverConfiguredChoices() {
        PromptContext ctx = PromptContext.of(Fields.COUNTRY, Fields.COLOR).withPromptData(Map.of(
                "country__choices", List.of("IT", "AT"),
                "color__choices", List.of(Map.of("label", "Blue", "value", "blue"), Map.of("value", "cyan"))));

        Challenge challenge = stage.challenge(ctx);

        assertThat(field(challenge, "country").get("choices"))
                .isEqualTo(List.of(Map.of("label", "IT", "value", "IT"), Map.of("label", "AT", "value", "AT")));
        assertThat(field(challenge, "color").get("choices"))
                .isEqualTo(List.of(Map.of("label", "Blue", "value", "blue"), Map.of("label", "cyan", "value", "cyan")));
    }

    @Test
    void challenge_placeholderExpression_returnsChoices() {
        PromptField team = PromptField.of("team", "Team", PromptFieldType.DROPDOWN)
                .withPlaceholderExpression("prompt_data.teams").withInitialValue("ops");
        PromptContext ctx = PromptContext.of(team).withPromptData(Map.of("teams", List.of("dev", "ops")));

        Map<String, Object> wire = field(stage.challenge(ctx), "team");

        assertThat(wire.get("choices")).isEqualTo(List.of(Map.of("label", "dev", "value", "dev"),
                Map.of("label", "ops", "value", "ops")));
        assertThat(wire).containsEntry("initial_value", "ops").containsEntry("placeholder", "");
    }

    @Test
    void challenge_initialValueOutsideChoices_becomesFirstChoice() {
        PromptContext ctx = PromptContext.of(Fields.COUNTRY.withInitialValue("XX"));

        assertThat(field(stage.challenge(ctx), "country")).containsEntry("initial_value", "CH");
    }

    @Test
    void challenge_placeholderExpression_readsThePendingUser() {
        PromptField email = Fields.EMAIL_FIELD.withPlaceholderExpression("user.email")
                .withInitialValueExpression("user.username + '@corp.example'");

        Map<String, Object> wire = field(stage.challenge(PromptContext.of(email).pending(User.of("u-1", "ann", "ann@x.io"))),
                "email");
        Map<String, Object> anonymous = field(stage.challenge(PromptContext.of(email)), "email");

        assertThat(wire).containsEntry("placeholder", "ann@x.io").containsEntry("initial_value", "ann@corp.example");
        assertThat(anonymous).containsEntry("placeholder", "");
    }

    @Test
    void challenge_withoutPendingUser_expressionsReadTheSignedInRequester() {
        PromptField name = Fields.NAME.withInitialValueExpression("user.email");
        User ann = User.of("u-1", "ann", "ann@x.io");
        PromptContext signedIn = PromptContext.of(name).withUser(ann)
                .withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-1"));
        PromptContext pendingWins = PromptContext.of(name).withUser(ann).pending(User.of("u-2", "bob", "bob@x.io"))
                .withRequest(RequestInfo.anonymous().withAuthenticatedUser("u-1"));

        assertThat(field(stage.challenge(signedIn), "name")).containsEntry("initial_value", "ann@x.io");
        assertThat(field(stage.challenge(pendingWins), "name")).containsEntry("initial_value", "bob@x.io");
    }

    @Test
    void challenge_promptDataValue_winsOverInitialValueExpression() {
        PromptField name = Fields.NAME.withInitialValueExpression("user.name");
        PromptContext ctx = PromptContext.of(name).pending(User.of("u-1", "ann", "ann@x.io"))
                .withPromptData(Map.of("name", "typed before"));

        assertThat(field(stage.challenge(ctx), "name")).containsEntry("initial_value", "typed before");
    }

    @Test
    void challenge_failingExpression_usesItsText() {
        String failing = "user.groups[9] == user.email";
        PromptField name = Fields.NAME.withPlaceholderExpression(failing).withInitialValueExpression(failing);

        Map<String, Object> wire = field(stage.challenge(PromptContext.of(name).pending(User.of("u-1", "ann", ""))), "name");

        assertThat(wire).containsEntry("placeholder", failing).containsEntry("initial_value", failing);
    }

    @Test
    void challenge_typedPromptDataValues_areStringifiedAsAuthentikDoes() {
        PromptContext ctx = PromptContext.of(Fields.AGE, Fields.TERMS, Fields.NAME.withInitialValue("x"))
                .withPromptData(Map.of("age", 42L, "terms", true));

        Challenge challenge = stage.challenge(ctx);

        assertThat(field(challenge, "age")).containsEntry("initial_value", "42");
        assertThat(field(challenge, "terms")).containsEntry("initial_value", "True");
        assertThat(field(stage.challenge(PromptContext.of(Fields.TERMS).withPromptData(Map.of("terms", false))), "terms"))
                .containsEntry("initial_value", "");
    }

    @Test
    void challenge_storedPassword_isNeverSentBack() {
        PromptContext ctx = PromptContext.of(Fields.PASSWORD_FIELD, Fields.NAME)
                .withPromptData(Map.of("password", "s3cret-value", "name", "Ann"));

        Challenge challenge = stage.challenge(ctx);

        assertThat(field(challenge, "password")).containsEntry("initial_value", "");
        assertThat(challenge.fields().toString()).doesNotContain("s3cret-value");
    }

    @Test
    void challenge_hiddenAndStatic_showTheirPlaceholders() {
        Challenge challenge = stage.challenge(PromptContext.of(Fields.SOURCE, Fields.WELCOME));

        assertThat(field(challenge, "source")).containsEntry("placeholder", "web");
        assertThat(field(challenge, "welcome")).containsEntry("placeholder", "Welcome aboard");
    }
}
