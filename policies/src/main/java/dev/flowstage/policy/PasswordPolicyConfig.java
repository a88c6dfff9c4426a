package dev.flowstage.policy;

import java.util.Objects;

/**
 * Configures a password policy ({@value PasswordPolicyType#TYPE}), authentik's {@code
 * PasswordPolicy} without the Have I Been Pwned lookup.
 *
 * <p>Immutable. The constructor rejects null strings ({@link NullPointerException}) and negative
 * amounts or an out-of-range threshold ({@link IllegalArgumentException} naming the value), so an
 * instance is always usable.
 *
 * @param passwordField the key of the password: read from the context's {@code prompt_data}, else
 *     from the context itself; authentik's default is {@code password}
 * @param lengthMin the least number of characters (Unicode code points); 0 for no minimum
 * @param amountUppercase the least number of upper-case letters
 * @param amountLowercase the least number of lower-case letters
 * @param amountDigits the least number of digits
 * @param amountSymbols the least number of characters from {@code symbolCharset}
 * @param symbolCharset the characters that count as symbols
 * @param errorMessage the message when a static rule fails; blank for {@value PasswordPolicyType#INVALID_PASSWORD}
 * @param checkStrength whether to also estimate the password's strength (an approximation of
 *     zxcvbn, see {@link PasswordPolicyType})
 * @param strengthScoreThreshold with {@code checkStrength}, the password passes only when its score
 *     (0 to 4) is above this value; 0 to 3
 */
public record PasswordPolicyConfig(
        String passwordField,
        int lengthMin,
        int amountUppercase,
        int amountLowercase,
        int amountDigits,
        int amountSymbols,
        String symbolCharset,
        String errorMessage,
        boolean checkStrength,
        int strengthScoreThreshold) {

    /** authentik's default symbol characters: ASCII punctuation and the space. */
    public static final String DEFAULT_SYMBOL_CHARSET = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ";
    /** The highest strength score; a threshold must stay below it, or no password could pass. */
    public static final int MAX_SCORE = 4;

    /** Validates the parts. */
    public PasswordPolicyConfig {
        Objects.requireNonNull(passwordField, "passwordField");
        Objects.requireNonNull(symbolCharset, "symbolCharset");
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (passwordField.isBlank()) {
            throw new IllegalArgumentException("password policy passwordField must not be blank");
        }
        requireNotNegative(lengthMin, "lengthMin");
        requireNotNegative(amountUppercase, "amountUppercase");
        requireNotNegative(amountLowercase, "amountLowercase");
        requireNotNegative(amountDigits, "amountDigits");
        requireNotNegative(amountSymbols, "amountSymbols");
        if (strengthScoreThreshold < 0 || strengthScoreThreshold >= MAX_SCORE) {
            throw new IllegalArgumentException("password policy strengthScoreThreshold must be between 0 and "
                    + (MAX_SCORE - 1) + " (a password passes when its score is above it): " + strengthScoreThreshold);
        }
    }

    /**
     * Returns authentik's defaults: field {@code password}, no static requirement, the default
     * symbol charset, a blank error message, no strength check, threshold 2.
     */
    public static PasswordPolicyConfig defaults() {
        return new PasswordPolicyConfig("password", 0, 0, 0, 0, 0, DEFAULT_SYMBOL_CHARSET, "", false, 2);
    }

    /** Returns this config reading the password from {@code field}. */
    public PasswordPolicyConfig withPasswordField(String field) {
        return new PasswordPolicyConfig(field, lengthMin, amountUppercase, amountLowercase, amountDigits,
                amountSymbols, symbolCharset, errorMessage, checkStrength, strengthScoreThreshold);
    }

    /** Returns this config requiring at least {@code length} characters. */
    public PasswordPolicyConfig withLengthMin(int length) {
        return new PasswordPolicyConfig(passwordField, length, amountUppercase, amountLowercase, amountDigits,
                amountSymbols, symbolCharset, errorMessage, checkStrength, strengthScoreThreshold);
    }

    /** Returns this config requiring at least {@code amount} upper-case letters. */
    public PasswordPolicyConfig withAmountUppercase(int amount) {
        return new PasswordPolicyConfig(passwordField, lengthMin, amount, amountLowercase, amountDigits,
                amountSymbols, symbolCharset, errorMessage, checkStrength, strengthScoreThreshold);
    }

    /** Returns this config requiring at least {@code amount} lower-case letters. */
    public PasswordPolicyConfig withAmountLowercase(int amount) {
        return new PasswordPolicyConfig(passwordField, lengthMin, amountUppercase, amount, amountDigits,
                amountSymbols, symbolCharset, errorMessage, checkStrength, strengthScoreThreshold);
    }

    /** Returns this config requiring at least {@code amount} digits. */
    public PasswordPolicyConfig withAmountDigits(int amount) {
        return new PasswordPolicyConfig(passwordField, lengthMin, amountUppercase, amountLowercase, amount,
                amountSymbols, symbolCharset, errorMessage, checkStrength, strengthScoreThreshold);
    }

    /** Returns this config requiring at least {@code amount} symbols. */
    public PasswordPolicyConfig withAmountSymbols(int amount) {
        return new PasswordPolicyConfig(passwordField, lengthMin, amountUppercase, amountLowercase, amountDigits,
                amount, symbolCharset, errorMessage, checkStrength, strengthScoreThreshold);
    }

    /** Returns this config counting the characters of {@code charset} as symbols. */
    public PasswordPolicyConfig withSymbolCharset(String charset) {
        return new PasswordPolicyConfig(passwordField, lengthMin, amountUppercase, amountLowercase, amountDigits,
                amountSymbols, charset, errorMessage, checkStrength, strengthScoreThreshold);
    }

    /** Returns this config failing static rules with {@code message}. */
    public PasswordPolicyConfig withErrorMessage(String message) {
        return new PasswordPolicyConfig(passwordField, lengthMin, amountUppercase, amountLowercase, amountDigits,
                amountSymbols, symbolCharset, message, checkStrength, strengthScoreThreshold);
    }

    /** Returns this config with the strength check on, passing passwords scored above {@code threshold}. */
    public PasswordPolicyConfig withStrengthCheck(int threshold) {
        return new PasswordPolicyConfig(passwordField, lengthMin, amountUppercase, amountLowercase, amountDigits,
                amountSymbols, symbolCharset, errorMessage, true, threshold);
    }

    /** Returns this config with the strength check off. */
    public PasswordPolicyConfig withoutStrengthCheck() {
        return new PasswordPolicyConfig(passwordField, lengthMin, amountUppercase, amountLowercase, amountDigits,
                amountSymbols, symbolCharset, errorMessage, false, strengthScoreThreshold);
    }

    private static void requireNotNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException("password policy " + name + " must not be negative: " + value);
        }
    }
}
