package dev.flowstage.stages.prompt;

import dev.flowstage.api.ErrorDetail;
import dev.flowstage.stages.internal.StageSupport;

/** The field errors of the prompt stage: Django REST framework's messages and codes, which authentik returns. */
final class PromptErrors {
    static final ErrorDetail REQUIRED = StageSupport.REQUIRED;
    static final ErrorDetail BLANK = new ErrorDetail("This field may not be blank.", "blank");
    static final ErrorDetail NULL = new ErrorDetail("This field may not be null.", "null");
    static final ErrorDetail NOT_A_STRING = ErrorDetail.invalid("Not a valid string.");
    static final ErrorDetail INVALID_EMAIL = ErrorDetail.invalid("Enter a valid email address.");
    static final ErrorDetail INVALID_INTEGER = ErrorDetail.invalid("A valid integer is required.");
    static final ErrorDetail TOO_LARGE = new ErrorDetail("String value too large.", "max_string_length");
    static final ErrorDetail INVALID_BOOLEAN = ErrorDetail.invalid("Must be a valid boolean.");
    static final ErrorDetail INVALID_DATE =
            ErrorDetail.invalid("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
    static final ErrorDetail INVALID_DATE_TIME = ErrorDetail.invalid("Datetime has wrong format. Use one of these "
            + "formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
    static final ErrorDetail USERNAME_TAKEN = ErrorDetail.invalid(PromptStage.USERNAME_TAKEN);

    private PromptErrors() {}

    /** Returns DRF's {@code invalid_choice} error, which quotes the posted value (a choice is never a secret). */
    static ErrorDetail invalidChoice(String value) {
        return new ErrorDetail("\"" + value + "\" is not a valid choice.", "invalid_choice");
    }
}
