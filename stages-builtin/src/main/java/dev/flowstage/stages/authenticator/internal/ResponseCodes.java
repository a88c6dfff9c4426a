package dev.flowstage.stages.authenticator.internal;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.Secret;
import dev.flowstage.stages.internal.StageSupport;
import java.math.BigDecimal;
import java.util.Optional;

/** Reads one-time codes from responses the way DRF's {@code CharField} does (numbers become text). */
public final class ResponseCodes {
    /** DRF's message for an empty string. */
    public static final ErrorDetail BLANK = new ErrorDetail("This field may not be blank.", "blank");
    /** DRF's message for a value that is neither text nor a number. */
    public static final ErrorDetail NOT_A_STRING = ErrorDetail.invalid("Not a valid string.");

    private ResponseCodes() {}

    /** Returns the error of field {@code field} when it is missing, blank or not text; empty when it holds a code. */
    public static Optional<ErrorDetail> problem(ChallengeResponse response, String field) {
        Object raw = response.get(field);
        if (raw == null) {
            return Optional.of(StageSupport.REQUIRED);
        }
        Optional<Secret> code = code(response, field);
        if (code.isEmpty()) {
            return Optional.of(NOT_A_STRING);
        }
        return code.get().reveal().isBlank() ? Optional.of(BLANK) : Optional.empty();
    }

    /** Returns field {@code field} as a secret when it is text or an integral number; empty otherwise. */
    public static Optional<Secret> code(ChallengeResponse response, String field) {
        Object raw = response.get(field);
        if (raw instanceof Number number && !(raw instanceof Double) && !(raw instanceof Float)) {
            return Optional.of(Secret.of(new BigDecimal(number.toString()).toPlainString()));
        }
        return response.secret(field);
    }
}
