package dev.flowstage.stages.password;

import jakarta.validation.constraints.Min;

/**
 * Configuration of the password stage (authentik's {@code PasswordStage} model, without backends:
 * passwords are checked with the host's {@link dev.flowstage.spi.PasswordHasher} service).
 *
 * @param failedAttemptsBeforeCancel how many wrong passwords in one execution deny it, at least 1
 * @param allowShowPassword whether the UI may offer to reveal the password field
 */
public record PasswordConfig(@Min(1) int failedAttemptsBeforeCancel, boolean allowShowPassword) {

    /** Returns authentik's defaults: 5 attempts, no show-password toggle. */
    public static PasswordConfig defaults() {
        return new PasswordConfig(5, false);
    }

    /** Returns this config denying the execution after {@code attempts} wrong passwords. */
    public PasswordConfig withFailedAttemptsBeforeCancel(int attempts) {
        return new PasswordConfig(attempts, allowShowPassword);
    }

    /** Returns this config with allow-show-password set to {@code value}. */
    public PasswordConfig withAllowShowPassword(boolean value) {
        return new PasswordConfig(failedAttemptsBeforeCancel, value);
    }
}
