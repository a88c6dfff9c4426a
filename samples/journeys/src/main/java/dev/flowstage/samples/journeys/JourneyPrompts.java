package dev.flowstage.samples.journeys;

import dev.flowstage.stages.prompt.PromptField;
import dev.flowstage.stages.prompt.PromptFieldType;
import java.util.ArrayList;
import java.util.List;

/** The prompt fields the journeys share, named and ordered as authentik's default prompts. */
final class JourneyPrompts {
    private JourneyPrompts() {}

    /** Username, password and its repetition (the first page of enrollment). */
    static List<PromptField> credentials() {
        return List.of(username(0), password(300), passwordRepeat(301));
    }

    /** Name and email (the second page of enrollment). */
    static List<PromptField> details() {
        return List.of(name(100), email(200));
    }

    /** Everything on one page, pre-filled from the signed-in user where present (invitation enrollment). */
    static List<PromptField> account() {
        List<PromptField> fields = new ArrayList<>();
        fields.add(username(0).withInitialValueExpression("user.username"));
        fields.add(name(100).withInitialValueExpression("user.name"));
        fields.add(email(200).withInitialValueExpression("user.email"));
        fields.add(password(300));
        fields.add(passwordRepeat(301));
        return fields;
    }

    /** A new password and its repetition (recovery and password change). */
    static List<PromptField> newPassword() {
        return List.of(password(0), passwordRepeat(1));
    }

    private static PromptField username(int order) {
        return PromptField.of("default-source-enrollment-field-username", "username", "Username", PromptFieldType.USERNAME)
                .withPlaceholder("Username").withOrder(order);
    }

    private static PromptField name(int order) {
        return PromptField.of("default-user-settings-field-name", "name", "Name", PromptFieldType.TEXT)
                .withPlaceholder("Name").withOrder(order);
    }

    private static PromptField email(int order) {
        return PromptField.of("default-user-settings-field-email", "email", "Email", PromptFieldType.EMAIL)
                .withPlaceholder("Email").withOrder(order);
    }

    private static PromptField password(int order) {
        return PromptField.of("default-password-change-field-password", "password", "Password", PromptFieldType.PASSWORD)
                .withPlaceholder("Password").withOrder(order);
    }

    private static PromptField passwordRepeat(int order) {
        return PromptField.of("default-password-change-field-password-repeat", "password_repeat", "Password (repeat)",
                PromptFieldType.PASSWORD).withPlaceholder("Password (repeat)").withOrder(order);
    }
}
