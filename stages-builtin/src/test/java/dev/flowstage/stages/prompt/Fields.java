package dev.flowstage.stages.prompt;

import static dev.flowstage.stages.prompt.PromptFieldType.CHECKBOX;
import static dev.flowstage.stages.prompt.PromptFieldType.DATE;
import static dev.flowstage.stages.prompt.PromptFieldType.DATE_TIME;
import static dev.flowstage.stages.prompt.PromptFieldType.DROPDOWN;
import static dev.flowstage.stages.prompt.PromptFieldType.EMAIL;
import static dev.flowstage.stages.prompt.PromptFieldType.HIDDEN;
import static dev.flowstage.stages.prompt.PromptFieldType.NUMBER;
import static dev.flowstage.stages.prompt.PromptFieldType.PASSWORD;
import static dev.flowstage.stages.prompt.PromptFieldType.RADIO_BUTTON_GROUP;
import static dev.flowstage.stages.prompt.PromptFieldType.SEPARATOR;
import static dev.flowstage.stages.prompt.PromptFieldType.STATIC;
import static dev.flowstage.stages.prompt.PromptFieldType.TEXT;
import static dev.flowstage.stages.prompt.PromptFieldType.TEXT_AREA;
import static dev.flowstage.stages.prompt.PromptFieldType.TEXT_AREA_READ_ONLY;
import static dev.flowstage.stages.prompt.PromptFieldType.TEXT_READ_ONLY;
import static dev.flowstage.stages.prompt.PromptFieldType.USERNAME;

import java.util.List;

/** Prompt fields the tests share: one of every type, as an enrollment form would have them. */
final class Fields {
    static final PromptField USERNAME_FIELD = PromptField.of("username", "Username", USERNAME).withOrder(100);
    static final PromptField NAME = PromptField.of("name", "Name", TEXT).withOrder(110).withPlaceholder("Name");
    static final PromptField EMAIL_FIELD = PromptField.of("email", "Email", EMAIL).withOrder(120);
    static final PromptField PASSWORD_FIELD = PromptField.of("password", "Password", PASSWORD).withOrder(130);
    static final PromptField PASSWORD_REPEAT = PromptField.of("password_repeat", "Password (repeat)", PASSWORD)
            .withOrder(140);
    static final PromptField AGE = PromptField.of("age", "Age", NUMBER).withOrder(150).withRequired(false);
    static final PromptField TERMS = PromptField.of("terms", "I accept the terms", CHECKBOX).withOrder(160);
    static final PromptField COLOR = PromptField.of("color", "Colour", RADIO_BUTTON_GROUP).withOrder(170)
            .withChoices(new PromptChoice("Red", "red"), new PromptChoice("Green", "green"));
    static final PromptField COUNTRY = PromptField.of("country", "Country", DROPDOWN).withOrder(180)
            .withChoices(PromptChoice.of("CH"), PromptChoice.of("DE"), PromptChoice.of("FR"));
    static final PromptField BIRTHDAY = PromptField.of("birthday", "Birthday", DATE).withOrder(190).withRequired(false);
    static final PromptField MEETING = PromptField.of("meeting", "Meeting", DATE_TIME).withOrder(200).withRequired(false);
    static final PromptField BIO = PromptField.of("bio", "About you", TEXT_AREA).withOrder(210).withRequired(false);
    static final PromptField PLAN = PromptField.of("plan", "Plan", TEXT_READ_ONLY).withOrder(220).withInitialValue("free");
    static final PromptField NOTES = PromptField.of("notes", "Notes", TEXT_AREA_READ_ONLY).withOrder(230)
            .withInitialValue("read me");
    static final PromptField SOURCE = PromptField.of("source", "", HIDDEN).withOrder(240).withPlaceholder("web");
    static final PromptField WELCOME = PromptField.of("welcome", "", STATIC).withOrder(250)
            .withPlaceholder("Welcome aboard");
    static final PromptField LINE = PromptField.of("line", "", SEPARATOR).withOrder(260).withRequired(false);

    /** One field of every type, in order. */
    static final List<PromptField> ALL = List.of(USERNAME_FIELD, NAME, EMAIL_FIELD, PASSWORD_FIELD, PASSWORD_REPEAT,
            AGE, TERMS, COLOR, COUNTRY, BIRTHDAY, MEETING, BIO, PLAN, NOTES, SOURCE, WELCOME, LINE);

    private Fields() {}
}
