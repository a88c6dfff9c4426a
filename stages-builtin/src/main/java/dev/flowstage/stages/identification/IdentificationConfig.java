package dev.flowstage.stages.identification;

import dev.flowstage.stages.internal.StageSupport;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Configuration of the identification stage (authentik's {@code IdentificationStage} model).
 *
 * <p>Immutable. The constructor copies {@code userFields} but does not reject bad values: Bean
 * Validation reports them, all together, when a flow using the stage compiles.
 *
 * @param userFields the attributes the typed identifier is matched against, in order; shown to the UI as {@code user_fields}
 * @param caseInsensitiveMatching whether {@code Alice} finds {@code alice}; when false only an exact-case match is accepted
 * @param pretendUserExists whether an unknown identifier proceeds with a pretend user, so that the
 *     next stage (password) answers exactly as for a wrong password; ignored with {@code passwordField}
 * @param showMatchedUser whether later stages display the matched user's username; when false they
 *     display what was typed (stored as {@code pending_user_identifier})
 * @param passwordField whether the form has an inline password field, checked with the
 *     {@link dev.flowstage.spi.PasswordHasher} service
 * @param allowShowPassword whether the UI may offer to reveal the inline password field
 * @param enrollmentFlow the slug of the sign-up flow linked from the form, or null
 * @param recoveryFlow the slug of the recovery flow linked from the form, or null
 * @param passwordlessFlow the slug of the passwordless flow linked from the form, or null
 * @param enableRememberMe whether the UI offers to remember the identifier on this device
 * @param failedAttemptsBeforeCancel with {@code passwordField}, how many failed sign-ins in one
 *     execution deny it, at least 1 (default 5, like the password stage)
 */
public record IdentificationConfig(
        @NotNull List<@NotNull UserField> userFields,
        boolean caseInsensitiveMatching,
        boolean pretendUserExists,
        boolean showMatchedUser,
        boolean passwordField,
        boolean allowShowPassword,
        @Pattern(regexp = StageSupport.SLUG_REGEX) String enrollmentFlow,
        @Pattern(regexp = StageSupport.SLUG_REGEX) String recoveryFlow,
        @Pattern(regexp = StageSupport.SLUG_REGEX) String passwordlessFlow,
        boolean enableRememberMe,
        @Min(1) int failedAttemptsBeforeCancel) {
    private static final int DEFAULT_FAILED_ATTEMPTS = 5;

    /** Copies {@code userFields} (null stays null, for Bean Validation to report). */
    public IdentificationConfig {
        userFields = userFields == null ? null : Collections.unmodifiableList(new ArrayList<>(userFields));
    }

    /**
     * Creates a config denying after 5 failed inline sign-ins: the constructor before
     * {@code failedAttemptsBeforeCancel} existed, kept for source compatibility.
     */
    public IdentificationConfig(List<UserField> userFields, boolean caseInsensitiveMatching, boolean pretendUserExists,
            boolean showMatchedUser, boolean passwordField, boolean allowShowPassword, String enrollmentFlow,
            String recoveryFlow, String passwordlessFlow, boolean enableRememberMe) {
        this(userFields, caseInsensitiveMatching, pretendUserExists, showMatchedUser, passwordField, allowShowPassword,
                enrollmentFlow, recoveryFlow, passwordlessFlow, enableRememberMe, DEFAULT_FAILED_ATTEMPTS);
    }

    /**
     * Returns the defaults: match username then email, case-insensitively; pretend unknown users
     * exist; show what was typed rather than the matched user (authentik shows the matched user by
     * default, which tells a visitor that the account exists: opt in with
     * {@code withShowMatchedUser(true)}); no inline password; no linked flows; no remember-me; deny
     * after 5 failed inline sign-ins.
     */
    public static IdentificationConfig defaults() {
        return new IdentificationConfig(List.of(UserField.USERNAME, UserField.EMAIL), true, true, false, false, false,
                null, null, null, false, DEFAULT_FAILED_ATTEMPTS);
    }

    /** Returns this config matching {@code fields}, in order. */
    public IdentificationConfig withUserFields(UserField... fields) {
        return new IdentificationConfig(List.of(fields), caseInsensitiveMatching, pretendUserExists, showMatchedUser,
                passwordField, allowShowPassword, enrollmentFlow, recoveryFlow, passwordlessFlow, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config with case-insensitive matching set to {@code value}. */
    public IdentificationConfig withCaseInsensitiveMatching(boolean value) {
        return new IdentificationConfig(userFields, value, pretendUserExists, showMatchedUser,
                passwordField, allowShowPassword, enrollmentFlow, recoveryFlow, passwordlessFlow, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config with pretend-user-exists set to {@code value}. */
    public IdentificationConfig withPretendUserExists(boolean value) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, value, showMatchedUser,
                passwordField, allowShowPassword, enrollmentFlow, recoveryFlow, passwordlessFlow, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config with show-matched-user set to {@code value}. */
    public IdentificationConfig withShowMatchedUser(boolean value) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, pretendUserExists, value,
                passwordField, allowShowPassword, enrollmentFlow, recoveryFlow, passwordlessFlow, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config with the inline password field on or off. */
    public IdentificationConfig withPasswordField(boolean value) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, pretendUserExists, showMatchedUser,
                value, allowShowPassword, enrollmentFlow, recoveryFlow, passwordlessFlow, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config with allow-show-password set to {@code value}. */
    public IdentificationConfig withAllowShowPassword(boolean value) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, pretendUserExists, showMatchedUser,
                passwordField, value, enrollmentFlow, recoveryFlow, passwordlessFlow, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config linking the enrollment flow {@code slug} (null for none). */
    public IdentificationConfig withEnrollmentFlow(String slug) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, pretendUserExists, showMatchedUser,
                passwordField, allowShowPassword, slug, recoveryFlow, passwordlessFlow, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config linking the recovery flow {@code slug} (null for none). */
    public IdentificationConfig withRecoveryFlow(String slug) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, pretendUserExists, showMatchedUser,
                passwordField, allowShowPassword, enrollmentFlow, slug, passwordlessFlow, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config linking the passwordless flow {@code slug} (null for none). */
    public IdentificationConfig withPasswordlessFlow(String slug) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, pretendUserExists, showMatchedUser,
                passwordField, allowShowPassword, enrollmentFlow, recoveryFlow, slug, enableRememberMe,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config with remember-me offered or not. */
    public IdentificationConfig withEnableRememberMe(boolean value) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, pretendUserExists, showMatchedUser,
                passwordField, allowShowPassword, enrollmentFlow, recoveryFlow, passwordlessFlow, value,
                failedAttemptsBeforeCancel);
    }

    /** Returns this config denying the execution after {@code attempts} failed inline sign-ins. */
    public IdentificationConfig withFailedAttemptsBeforeCancel(int attempts) {
        return new IdentificationConfig(userFields, caseInsensitiveMatching, pretendUserExists, showMatchedUser,
                passwordField, allowShowPassword, enrollmentFlow, recoveryFlow, passwordlessFlow, enableRememberMe,
                attempts);
    }
}
