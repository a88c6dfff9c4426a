package dev.flowstage.stages.authenticator.email;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Configuration of the email code setup stage (authentik's {@code AuthenticatorEmailStage} model,
 * without its own SMTP settings: mail goes through the engine's {@link dev.flowstage.spi.Mailer}).
 *
 * @param subject the subject of the mail carrying a code (also used when the device signs in)
 * @param codeValidity how long a mailed code stays valid, positive
 * @param friendlyName the name of the created device
 * @param failedAttemptsBeforeCancel how many wrong codes (and how many mails) one execution allows, at least 1
 */
public record AuthenticatorEmailConfig(
        @NotBlank String subject, @NotNull Duration codeValidity, @NotBlank String friendlyName,
        @Min(1) int failedAttemptsBeforeCancel) {

    /** Returns the defaults: subject "Your verification code", codes valid 10 minutes, device "Email Device", 5 attempts. */
    public static AuthenticatorEmailConfig defaults() {
        return new AuthenticatorEmailConfig("Your verification code", Duration.ofMinutes(10), "Email Device", 5);
    }

    /** Returns this config with mail subject {@code value}. */
    public AuthenticatorEmailConfig withSubject(String value) {
        return new AuthenticatorEmailConfig(value, codeValidity, friendlyName, failedAttemptsBeforeCancel);
    }

    /** Returns this config with codes valid for {@code value}. */
    public AuthenticatorEmailConfig withCodeValidity(Duration value) {
        return new AuthenticatorEmailConfig(subject, value, friendlyName, failedAttemptsBeforeCancel);
    }

    /** Returns this config naming created devices {@code value}. */
    public AuthenticatorEmailConfig withFriendlyName(String value) {
        return new AuthenticatorEmailConfig(subject, codeValidity, value, failedAttemptsBeforeCancel);
    }

    /** Returns this config allowing {@code attempts} wrong codes and mails per execution. */
    public AuthenticatorEmailConfig withFailedAttemptsBeforeCancel(int attempts) {
        return new AuthenticatorEmailConfig(subject, codeValidity, friendlyName, attempts);
    }
}
