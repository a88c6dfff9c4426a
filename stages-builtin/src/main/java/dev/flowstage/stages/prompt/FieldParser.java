package dev.flowstage.stages.prompt;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the posted value of one user-editable field into its typed value, or an error, with the
 * rules of the DRF field authentik uses for the type. A field that is absent takes its initial value
 * when it has one (authentik's field default), else is refused when required. A blank value of an
 * optional field is "no value", except for text, text area and email fields, which store it.
 */
final class FieldParser {
    private static final int MAX_NUMBER_STRING = 1000;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+(\\.0*)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.+");

    private FieldParser() {}

    /**
     * The outcome for one field: a value to store, no value, or an error.
     *
     * @param value the typed value (String, Long, Boolean), or null for none
     * @param error the error, or null
     */
    record Parsed(Object value, ErrorDetail error) {
        static Parsed of(Object value) {
            return new Parsed(value, null);
        }

        static Parsed none() {
            return new Parsed(null, null);
        }

        static Parsed error(ErrorDetail error) {
            return new Parsed(null, error);
        }
    }

    /** Returns the outcome of {@code field} (not read-only, hidden, static or separator) in {@code response}. */
    static Parsed parse(ResolvedField field, ChallengeResponse response) {
        if (field.type() == PromptFieldType.CHECKBOX) {
            return checkbox(response, field.key());
        }
        if (!response.has(field.key())) {
            return absent(field);
        }
        Object raw = response.get(field.key());
        if (raw instanceof Secret secret) {
            raw = secret.reveal();
        }
        return raw == null ? Parsed.error(PromptErrors.NULL) : parseValue(field, raw);
    }

    private static Parsed absent(ResolvedField field) {
        if (!PromptValues.text(field.initial()).isEmpty()) {
            return parseValue(field, field.initial());
        }
        return field.field().required() ? Parsed.error(PromptErrors.REQUIRED) : Parsed.none();
    }

    private static Parsed parseValue(ResolvedField field, Object raw) {
        boolean required = field.field().required();
        switch (field.type()) {
            case TEXT: case TEXT_AREA: return text(raw, required);
            case USERNAME: return username(raw, required);
            case PASSWORD: return password(raw, required);
            case EMAIL: return email(raw, required);
            case NUMBER: return number(raw, required);
            case RADIO_BUTTON_GROUP: case DROPDOWN: return choice(field, raw, required);
            case DATE: return date(raw, required);
            case DATE_TIME: return dateTime(raw, required);
            default: throw new AssertionError("unhandled " + field.type());
        }
    }

    private static Parsed text(Object raw, boolean required) {
        String text = string(raw);
        if (text == null) {
            return Parsed.error(PromptErrors.NOT_A_STRING);
        }
        return text.isEmpty() && required ? Parsed.error(PromptErrors.BLANK) : Parsed.of(text);
    }

    private static Parsed username(Object raw, boolean required) {
        String text = string(raw);
        if (text == null) {
            return Parsed.error(PromptErrors.NOT_A_STRING);
        }
        return text.isBlank() ? blank(required) : Parsed.of(text.strip());
    }

    /**
     * Keeps the password exactly as typed (DRF would trim it), as a {@link Secret} so that it never
     * prints and is sealed when the execution is persisted; a blank one counts as none.
     */
    private static Parsed password(Object raw, boolean required) {
        String text = raw instanceof Secret secret ? secret.reveal() : string(raw);
        if (text == null) {
            return Parsed.error(PromptErrors.NOT_A_STRING);
        }
        return text.isBlank() ? blank(required) : Parsed.of(Secret.of(text));
    }

    private static Parsed email(Object raw, boolean required) {
        String text = string(raw);
        if (text == null) {
            return Parsed.error(PromptErrors.NOT_A_STRING);
        }
        String address = text.strip();
        if (address.isEmpty()) {
            return required ? Parsed.error(PromptErrors.BLANK) : Parsed.of("");
        }
        return EmailAddresses.isValid(address) ? Parsed.of(address) : Parsed.error(PromptErrors.INVALID_EMAIL);
    }

    private static Parsed number(Object raw, boolean required) {
        if (raw instanceof String text && text.isBlank() && !required) {
            return Parsed.none();
        }
        if (raw instanceof String text && text.length() > MAX_NUMBER_STRING) {
            return Parsed.error(PromptErrors.TOO_LARGE);
        }
        return toLong(raw).map(Parsed::of).orElseGet(() -> Parsed.error(PromptErrors.INVALID_INTEGER));
    }

    /** Accepts what DRF's IntegerField accepts: integral numbers and integer strings (optionally "5.0"), within a long. */
    static Optional<Long> toLong(Object raw) {
        try {
            if (raw instanceof String text) {
                String trimmed = text.strip();
                return INTEGER.matcher(trimmed).matches()
                        ? Optional.of(Long.parseLong(trimmed.replaceFirst("\\.0*$", ""))) : Optional.empty();
            }
            if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                return Optional.of(((Number) raw).longValue());
            }
            if (raw instanceof Number number && !(raw instanceof Double d && !Double.isFinite(d))
                    && !(raw instanceof Float f && !Float.isFinite(f))) {
                BigDecimal decimal = number instanceof BigInteger big ? new BigDecimal(big) : new BigDecimal(number.toString());
                return Optional.of(decimal.longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Parsed checkbox(ChallengeResponse response, String key) {
        if (!response.has(key)) {
            return Parsed.of(false);
        }
        Object raw = response.get(key);
        if (raw == null) {
            return Parsed.error(PromptErrors.NULL);
        }
        Optional<Boolean> bool = response.bool(key).or(() -> raw instanceof Number
                ? toLong(raw).filter(n -> n == 0 || n == 1).map(n -> n == 1)
                : Optional.empty());
        return bool.map(Parsed::of).orElseGet(() -> Parsed.error(PromptErrors.INVALID_BOOLEAN));
    }

    private static Parsed choice(ResolvedField field, Object raw, boolean required) {
        String value = PromptValues.text(raw);
        if (value.isEmpty() && !required) {
            return Parsed.none();
        }
        return field.hasChoice(value) ? Parsed.of(value) : Parsed.error(PromptErrors.invalidChoice(value));
    }

    private static Parsed date(Object raw, boolean required) {
        String text = string(raw);
        if (text != null && text.isBlank() && !required) {
            return Parsed.none();
        }
        try {
            if (text != null && DATE.matcher(text.strip()).matches()) {
                return Parsed.of(LocalDate.parse(text.strip()).toString());
            }
        } catch (DateTimeParseException e) {
            return Parsed.error(PromptErrors.INVALID_DATE);
        }
        return Parsed.error(PromptErrors.INVALID_DATE);
    }

    /** Accepts ISO 8601 with 'T' or a space; without an offset the time is taken as UTC. */
    private static Parsed dateTime(Object raw, boolean required) {
        String text = string(raw);
        if (text != null && text.isBlank() && !required) {
            return Parsed.none();
        }
        String iso = text == null ? "" : text.strip();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + "T" + iso.substring(11);
        }
        if (!DATE_TIME.matcher(iso).matches()) {
            return Parsed.error(PromptErrors.INVALID_DATE_TIME);
        }
        return parseDateTime(iso).map(Parsed::of).orElseGet(() -> Parsed.error(PromptErrors.INVALID_DATE_TIME));
    }

    private static Optional<String> parseDateTime(String iso) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(iso);
        } catch (DateTimeParseException withoutOffset) {
            try {
                parsed = LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(parsed.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static Parsed blank(boolean required) {
        return required ? Parsed.error(PromptErrors.BLANK) : Parsed.none();
    }

    /** Returns {@code raw} as DRF's CharField reads it: strings, and numbers stringified; null for booleans, lists, maps. */
    private static String string(Object raw) {
        if (raw instanceof String text) {
            return text;
        }
        if (raw instanceof Number) {
            return PromptValues.text(raw);
        }
        return null;
    }
}
