package dev.flowstage.stages.prompt;

import static dev.flowstage.stages.testing.Results.proceeded;
import static dev.flowstage.stages.testing.Results.rejectedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.policy.PasswordPolicyConfig;
import dev.flowstage.policy.PasswordPolicyType;
import dev.flowstage.spi.StageResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptSubmitTest {
    private static final ErrorDetail REQUIRED = new ErrorDetail("This field is required.", "required");
    private static final ErrorDetail BLANK = new ErrorDetail("This field may not be blank.", "blank");
    private static final String LENGTH_MESSAGE = "Password needs to be 8 characters or longer.";
    private final PromptStage stage = new PromptStage();

    private StageResult submit(PromptContext ctx, Map<String, ?> data) {
        return ctx.apply(stage.submit(ctx, ChallengeResponse.of(data)));
    }

    private static Map<String, Object> promptData(StageResult result) {
        return result.update().applyTo(dev.flowstage.api.FlowContext.empty()).get(ContextKeys.PROMPT_DATA).orElseThrow();
    }

    private static ResponseErrors fieldError(String field, ErrorDetail error) {
        return ResponseErrors.of(field, error);
    }

    @Test
    void submit_validValues_proceedWithTypedValuesMergedOverPromptData() {
        PromptContext ctx = PromptContext.of(PromptConfig.of().withFields(Fields.ALL))
                .withPromptData(Map.of("invited_by", "bob", "name", "old"));
        Map<String, Object> data = new HashMap<>(Map.of("username", " ann ", "name", " Ann ", "email", "ann@example.com",
                "password", "pw 1", "password_repeat", "pw 1", "age", "42", "terms", "on", "color", "green",
                "country", "FR", "birthday", "1990-05-17"));
        data.put("meeting", "2026-03-04T10:30");
        data.put("bio", "");

        proceeded(submit(ctx, data));

        Map<String, Object> expected = new HashMap<>(Map.of("invited_by", "bob", "username", "ann", "name", " Ann ",
                "email", "ann@example.com", "password", Secret.of("pw 1"), "password_repeat", Secret.of("pw 1"), "age", 42L,
                "terms", true,
                "color", "green", "country", "FR"));
        expected.putAll(Map.of("birthday", "1990-05-17", "meeting", "2026-03-04T10:30:00Z", "bio", "", "plan", "free",
                "notes", "read me", "source", "web", "welcome", "Welcome aboard"));
        assertThat(ctx.promptData()).isEqualTo(expected).doesNotContainKey("line");
        assertThat(ctx.context().get(PromptStage.SECRET_FIELDS)).contains(List.of("password", "password_repeat"));
    }

    @Test
    void submit_missingRequiredFields_reportsEachAsRequired() {
        PromptContext ctx = PromptContext.of(Fields.USERNAME_FIELD, Fields.NAME, Fields.EMAIL_FIELD,
                Fields.AGE, Fields.TERMS, PromptField.of("n", "N", PromptFieldType.NUMBER).withOrder(999));

        StageResult result = submit(ctx, Map.of());

        rejectedWith(result, fieldError("username", REQUIRED).with("name", REQUIRED).with("email", REQUIRED)
                .with("n", REQUIRED));
    }

    @Test
    void submit_missingChoice_takesTheFirstChoice_asAuthentiksFieldDefault() {
        PromptContext ctx = PromptContext.of(Fields.COUNTRY, Fields.COLOR.withInitialValue("green"));

        proceeded(submit(ctx, Map.of()));

        assertThat(ctx.promptData()).isEqualTo(Map.of("country", "CH", "color", "green"));
    }

    @Test
    void submit_blankValues_blankWhenRequired_storedOrDroppedWhenOptional() {
        PromptContext required = PromptContext.of(Fields.NAME, Fields.USERNAME_FIELD, Fields.EMAIL_FIELD, Fields.PASSWORD_FIELD);
        rejectedWith(submit(required, Map.of("name", "", "username", "  ", "email", " ", "password", " ")),
                fieldError("username", BLANK).with("name", BLANK).with("email", BLANK).with("password", BLANK));

        PromptContext optional = PromptContext.of(Fields.NAME.withRequired(false), Fields.EMAIL_FIELD.withRequired(false),
                Fields.AGE, Fields.BIRTHDAY, Fields.USERNAME_FIELD.withRequired(false));
        proceeded(submit(optional, Map.of("name", "", "email", " ", "age", "", "birthday", " ", "username", "")));
        assertThat(optional.promptData()).isEqualTo(Map.of("name", "", "email", ""));
    }

    @Test
    void submit_textKeepsWhitespace_requiredSpacesAreAValue() {
        PromptContext ctx = PromptContext.of(Fields.NAME);

        proceeded(submit(ctx, Map.of("name", "   ")));

        assertThat(ctx.promptData()).containsEntry("name", "   ");
    }

    @Test
    void submit_nullAndNonStringValues_refusedWithDrfMessages() {
        PromptContext ctx = PromptContext.of(Fields.NAME, Fields.EMAIL_FIELD, Fields.TERMS);
        Map<String, Object> data = new HashMap<>();
        data.put("name", List.of("a"));
        data.put("email", null);
        data.put("terms", Map.of());

        rejectedWith(submit(ctx, data), fieldError("name", ErrorDetail.invalid("Not a valid string."))
                .with("email", new ErrorDetail("This field may not be null.", "null"))
                .with("terms", ErrorDetail.invalid("Must be a valid boolean.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.com", "ann@", "ann@@example.com", "ann@example", "ann@-x.com",
            "a b@example.com", "ann@example..com", "ann.@example.com", "ann@[300.1.1.1]", "ann@[beef]"})
    void submit_invalidEmail_refused(String email) {
        rejectedWith(submit(PromptContext.of(Fields.EMAIL_FIELD), Map.of("email", email)),
                fieldError("email", ErrorDetail.invalid("Enter a valid email address.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "Ann.Lee+tag@sub.example.co.uk", "ann@localhost", "\"a\\ b\"@example.com",
            "ann@[127.0.0.1]", "ann@[::1]", "ann@bücher.example", "o'brien@example.org"})
    void submit_validEmail_storedTrimmed(String email) {
        PromptContext ctx = PromptContext.of(Fields.EMAIL_FIELD);

        proceeded(submit(ctx, Map.of("email", " " + email + " ")));

        assertThat(ctx.promptData()).containsEntry("email", email);
    }

    @Test
    void submit_numbers_parsedAsDrfIntegerField() {
        PromptField n = PromptField.of("n", "N", PromptFieldType.NUMBER);
        ErrorDetail invalid = ErrorDetail.invalid("A valid integer is required.");

        for (Object good : List.of("42", " -7 ", "5.0", 12, 9L, 3.0, "+8")) {
            PromptContext ctx = PromptContext.of(n);
            proceeded(submit(ctx, Map.of("n", good)));
            assertThat(ctx.promptData().get("n")).as("%s", good).isInstanceOf(Long.class);
        }
        for (Object bad : List.of("4.5", "abc", "", "99999999999999999999", 2.5, true, "1e3")) {
            rejectedWith(submit(PromptContext.of(n), Map.of("n", bad)), fieldError("n", invalid));
        }
        rejectedWith(submit(PromptContext.of(n), Map.of("n", "1".repeat(1001))),
                fieldError("n", new ErrorDetail("String value too large.", "max_string_length")));
    }

    @Test
    void submit_dates_isoOnlyWithDrfMessages() {
        PromptContext ctx = PromptContext.of(Fields.BIRTHDAY, Fields.MEETING);

        proceeded(submit(ctx, Map.of("birthday", "2000-02-29", "meeting", "2026-03-04 10:30:15+01:00")));
        assertThat(ctx.promptData()).containsEntry("birthday", "2000-02-29")
                .containsEntry("meeting", "2026-03-04T10:30:15+01:00");

        rejectedWith(submit(PromptContext.of(Fields.BIRTHDAY, Fields.MEETING),
                        Map.of("birthday", "2023-02-29", "meeting", "tomorrow")),
                fieldError("birthday", ErrorDetail.invalid(
                        "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."))
                        .with("meeting", ErrorDetail.invalid("Datetime has wrong format. Use one of these formats "
                                + "instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].")));
        rejectedWith(submit(PromptContext.of(Fields.BIRTHDAY), Map.of("birthday", "17.05.1990")),
                fieldError("birthday", ErrorDetail.invalid(
                        "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.")));
    }

    @Test
    void submit_checkbox_booleanLikeValues_absentIsFalse() {
        for (Object on : List.of(true, "true", "on", "1", 1, "YES")) {
            PromptContext ctx = PromptContext.of(Fields.TERMS);
            proceeded(submit(ctx, Map.of("terms", on)));
            assertThat(ctx.promptData()).as("%s", on).containsEntry("terms", true);
        }
        PromptContext absent = PromptContext.of(Fields.TERMS);
        proceeded(submit(absent, Map.of()));
        assertThat(absent.promptData()).containsEntry("terms", false);
        rejectedWith(submit(PromptContext.of(Fields.TERMS), Map.of("terms", "maybe")),
                fieldError("terms", ErrorDetail.invalid("Must be a valid boolean.")));
    }

    @Test
    void submit_choiceOutsideTheList_invalidChoice() {
        rejectedWith(submit(PromptContext.of(Fields.COUNTRY, Fields.COLOR), Map.of("country", "XX", "color", "Red")),
                fieldError("country", new ErrorDetail("\"XX\" is not a valid choice.", "invalid_choice"))
                        .with("color", new ErrorDetail("\"Red\" is not a valid choice.", "invalid_choice")));
    }

    @Test
    void submit_choicesFromPromptData_areTheOnesAccepted() {
        PromptContext ctx = PromptContext.of(Fields.COUNTRY).withPromptData(Map.of("country__choices", List.of("IT")));

        rejectedWith(submit(ctx, Map.of("country", "CH")),
                fieldError("country", new ErrorDetail("\"CH\" is not a valid choice.", "invalid_choice")));
        proceeded(submit(ctx, Map.of("country", "IT")));
    }

    @Test
    void submit_serverValuedFields_keepTheServerValueWhateverIsPosted() {
        PromptContext ctx = PromptContext.of(Fields.PLAN, Fields.NOTES, Fields.SOURCE, Fields.WELCOME, Fields.LINE)
                .withPromptData(Map.of("plan", "pro"));

        proceeded(submit(ctx, Map.of("plan", "enterprise", "notes", "hacked", "source", "evil", "welcome", "x",
                "line", "not a value")));

        assertThat(ctx.promptData()).isEqualTo(
                Map.of("plan", "pro", "notes", "read me", "source", "web", "welcome", "Welcome aboard"));
    }

    @Test
    void submit_absentFieldWithInitialValue_takesIt() {
        PromptContext ctx = PromptContext.of(Fields.NAME.withInitialValue("Anonymous"), Fields.AGE.withInitialValue("7"));

        proceeded(submit(ctx, Map.of()));

        assertThat(ctx.promptData()).isEqualTo(Map.of("name", "Anonymous", "age", 7L));
    }

    @Test
    void submit_unknownKeys_areIgnored() {
        PromptContext ctx = PromptContext.of(Fields.NAME);

        proceeded(submit(ctx, Map.of("name", "Ann", "is_superuser", true, "component", "ak-stage-prompt")));

        assertThat(ctx.promptData()).isEqualTo(Map.of("name", "Ann"));
    }

    @Test
    void submit_usernameOfAnotherUser_isTaken_evenInAnotherCase() {
        PromptContext ctx = PromptContext.of(Fields.USERNAME_FIELD).withUser(User.of("u-1", "Alice", "a@example.com"));

        rejectedWith(submit(ctx, Map.of("username", "alice")),
                fieldError("username", ErrorDetail.invalid("Username is already taken.")));
    }

    @Test
    void submit_pendingUsersOwnUsername_isNotTaken() {
        PromptContext ctx = PromptContext.of(Fields.USERNAME_FIELD).pending(User.of("u-1", "alice", "a@example.com"));

        proceeded(submit(ctx, Map.of("username", "alice")));
    }

    @Test
    void submit_twoDifferentPasswords_dontMatch() {
        PromptContext ctx = PromptContext.of(Fields.PASSWORD_FIELD, Fields.PASSWORD_REPEAT);

        rejectedWith(submit(ctx, Map.of("password", "one", "password_repeat", "two")),
                ResponseErrors.nonField("Passwords don't match.", "invalid"));
        assertThat(ctx.context().contains(ContextKeys.PROMPT_DATA)).isFalse();
    }

    @Test
    void submit_passwordsAsSecrets_areComparedAndStoredAsSecrets() {
        PromptContext ctx = PromptContext.of(Fields.PASSWORD_FIELD, Fields.PASSWORD_REPEAT);

        proceeded(submit(ctx, Map.of("password", Secret.of("same"), "password_repeat", "same")));

        assertThat(ctx.promptData()).isEqualTo(Map.of("password", Secret.of("same"), "password_repeat", Secret.of("same")));
    }

    @Test
    void submit_threePasswordFields_areNotCompared_asInAuthentik() {
        PromptField third = PromptField.of("old_password", "Old", PromptFieldType.PASSWORD);
        PromptContext ctx = PromptContext.of(Fields.PASSWORD_FIELD, Fields.PASSWORD_REPEAT, third);

        proceeded(submit(ctx, Map.of("password", "a", "password_repeat", "b", "old_password", "c")));
    }

    @Test
    void submit_fieldErrors_comeBeforePasswordsAndPolicies() {
        PromptConfig config = PromptConfig.of(Fields.EMAIL_FIELD, Fields.PASSWORD_FIELD, Fields.PASSWORD_REPEAT)
                .withValidationPolicies(PolicyDefinition.dummy("never", false));
        PromptContext ctx = PromptContext.of(config);

        rejectedWith(submit(ctx, Map.of("email", "nope", "password", "a", "password_repeat", "b")),
                fieldError("email", ErrorDetail.invalid("Enter a valid email address.")));
        assertThat(ctx.policyContexts()).isEmpty();
    }

    @Test
    void submit_passwordPolicy_tooShort_nonFieldErrorWithItsMessage() {
        PromptContext ctx = PromptContext.of(lengthChecked());

        rejectedWith(submit(ctx, Map.of("password", "short", "password_repeat", "short")),
                ResponseErrors.nonField(LENGTH_MESSAGE, "invalid"));
        proceeded(submit(ctx, Map.of("password", "long enough", "password_repeat", "long enough")));
        assertThat(ctx.promptData()).containsEntry("password", Secret.of("long enough"));
    }

    @Test
    void submit_validationPolicies_seeCandidateValuesMergedOverPromptData() {
        PromptConfig config = PromptConfig.of(Fields.NAME).withValidationPolicies(
                PolicyDefinition.expression("same-domain", "prompt_data.name == 'Ann' && prompt_data.email == 'a@x.io'"));
        PromptContext ctx = PromptContext.of(config).withPromptData(Map.of("email", "a@x.io"));

        proceeded(submit(ctx, Map.of("name", "Ann")));
        rejectedWith(submit(ctx, Map.of("name", "Bob")), ResponseErrors.nonField("Validation failed.", "invalid"));

        assertThat(ctx.policyContexts()).last().satisfies(context -> assertThat(context.get(ContextKeys.PROMPT_DATA))
                .contains(Map.of("email", "a@x.io", "name", "Bob")));
    }

    @Test
    void submit_erroringValidationPolicy_failsClosed() {
        PromptConfig config = PromptConfig.of(Fields.NAME)
                .withValidationPolicies(PolicyDefinition.expression("not-boolean", "prompt_data.name"));

        rejectedWith(submit(PromptContext.of(config), Map.of("name", "Ann")),
                ResponseErrors.nonField("Validation failed.", "invalid"));
    }

    @Test
    void submit_severalFailingPolicies_allMessagesInAllMode() {
        PromptConfig config = PromptConfig.of(Fields.PASSWORD_FIELD).withValidationPolicies(
                PasswordPolicyType.definition("digits", PasswordPolicyConfig.defaults().withAmountDigits(1)
                        .withErrorMessage("Add a digit.")),
                PolicyDefinition.dummy("informative", true));

        rejectedWith(submit(PromptContext.of(config), Map.of("password", "abc")),
                ResponseErrors.nonField("Add a digit.", "invalid"));
    }

    @Test
    void submit_secondPromptStage_addsToTheSecretFieldList() {
        PromptContext ctx = PromptContext.of(PromptField.of("pin", "PIN", PromptFieldType.PASSWORD))
                .with(PromptStage.SECRET_FIELDS, List.of("password"));

        proceeded(submit(ctx, Map.of("pin", "1234")));

        assertThat(ctx.context().get(PromptStage.SECRET_FIELDS)).contains(List.of("password", "pin"));
    }

    @Test
    void submit_result_leavesOtherContextAlone() {
        StageResult result = new PromptStage().submit(PromptContext.of(Fields.NAME), ChallengeResponse.of(Map.of("name", "A")));

        assertThat(promptData(result)).isEqualTo(Map.of("name", "A"));
        assertThat(result.update().toString()).isEqualTo("ContextUpdate[prompt_data]");
    }

    static PromptConfig lengthChecked() {
        return PromptConfig.of(Fields.PASSWORD_FIELD, Fields.PASSWORD_REPEAT).withValidationPolicies(
                PasswordPolicyType.definition("password-length", PasswordPolicyConfig.defaults().withLengthMin(8)
                        .withErrorMessage(LENGTH_MESSAGE)));
    }
}
