package dev.flowstage.stages.prompt;

import java.util.Optional;

/**
 * The kinds of prompt field, with authentik's wire names ({@code PromptTypeEnum}). authentik's
 * {@code file}, {@code ak-locale} and alert types are not offered.
 */
public enum PromptFieldType {
    /** A single-line text; whitespace is kept; blank allowed when not required. */
    TEXT("text"),
    /** A multi-line text; as {@link #TEXT}. */
    TEXT_AREA("text_area"),
    /** A text the user cannot change: its value is always the server's initial value. */
    TEXT_READ_ONLY("text_read_only"),
    /** A multi-line text the user cannot change, as {@link #TEXT_READ_ONLY}. */
    TEXT_AREA_READ_ONLY("text_area_read_only"),
    /** A username, trimmed, refused when another user has it. */
    USERNAME("username"),
    /** An email address, trimmed and checked for syntax. */
    EMAIL("email"),
    /** A password, kept as typed; two password fields in one stage must be equal. */
    PASSWORD("password"),
    /** An integer, stored as a {@code Long}. */
    NUMBER("number"),
    /** A checkbox, stored as a {@code Boolean}; never required, absent means unchecked. */
    CHECKBOX("checkbox"),
    /** One of fixed choices, shown as radio buttons. */
    RADIO_BUTTON_GROUP("radio-button-group"),
    /** One of fixed choices, shown as a dropdown. */
    DROPDOWN("dropdown"),
    /** A date, ISO {@code yyyy-MM-dd}, stored as that string. */
    DATE("date"),
    /** A date and time, ISO 8601, stored as an ISO string with offset (UTC when none was given). */
    DATE_TIME("date-time"),
    /** A hidden value: the server's initial value, else its placeholder; posted values are ignored. */
    HIDDEN("hidden"),
    /** A static text shown as-is: the server's initial value, else its placeholder; posted values are ignored. */
    STATIC("static"),
    /** A separator line; carries no value. */
    SEPARATOR("separator");

    private final String wireName;

    PromptFieldType(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name in the protocol's {@code type} field, such as {@code radio-button-group}. */
    public String wireName() {
        return wireName;
    }

    /** Returns the type named {@code wireName} on the wire, if any. */
    public static Optional<PromptFieldType> fromWireName(String wireName) {
        for (PromptFieldType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Returns whether the value is one of a list of choices (radio buttons, dropdown). */
    public boolean isChoice() {
        return this == RADIO_BUTTON_GROUP || this == DROPDOWN;
    }

    /** Returns whether the value is the server's whatever the client posts (read-only, hidden, static). */
    public boolean isServerValued() {
        return this == TEXT_READ_ONLY || this == TEXT_AREA_READ_ONLY || this == HIDDEN || this == STATIC;
    }

    /** Returns whether the field has a value at all (every type but {@link #SEPARATOR}). */
    public boolean carriesValue() {
        return this != SEPARATOR;
    }
}
