package dev.flowstage.stages.authenticator.totp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Configuration of the TOTP setup stage (authentik's {@code AuthenticatorTOTPStage} model plus the
 * device parameters authentik fixes).
 *
 * @param digits the code length: 6 or 8
 * @param period the time step in seconds, 1 to 300 (authenticator apps assume 30)
 * @param algorithm the HMAC (apps reliably support only SHA1)
 * @param tolerance how many time steps before and after the current one a code may come from, 0 to 10
 * @param issuer the issuer shown in the authenticator app, such as the site's name
 * @param friendlyName the name of the created device
 */
public record AuthenticatorTotpConfig(
        @Min(6) @Max(8) int digits,
        @Min(1) @Max(300) int period,
        @NotNull TotpAlgorithm algorithm,
        @Min(0) @Max(10) int tolerance,
        @NotBlank String issuer,
        @NotBlank String friendlyName) {

    /** Returns the defaults: 6 digits, 30 seconds, SHA1, one step of clock skew, issuer "Flowstage", device "TOTP Device". */
    public static AuthenticatorTotpConfig defaults() {
        return new AuthenticatorTotpConfig(6, 30, TotpAlgorithm.SHA1, 1, "Flowstage", "TOTP Device");
    }

    /** Returns this config with codes of {@code value} digits (6 or 8). */
    public AuthenticatorTotpConfig withDigits(int value) {
        return new AuthenticatorTotpConfig(value, period, algorithm, tolerance, issuer, friendlyName);
    }

    /** Returns this config with a time step of {@code seconds}. */
    public AuthenticatorTotpConfig withPeriod(int seconds) {
        return new AuthenticatorTotpConfig(digits, seconds, algorithm, tolerance, issuer, friendlyName);
    }

    /** Returns this config with the HMAC {@code value}. */
    public AuthenticatorTotpConfig withAlgorithm(TotpAlgorithm value) {
        return new AuthenticatorTotpConfig(digits, period, value, tolerance, issuer, friendlyName);
    }

    /** Returns this config accepting codes up to {@code steps} steps early or late. */
    public AuthenticatorTotpConfig withTolerance(int steps) {
        return new AuthenticatorTotpConfig(digits, period, algorithm, steps, issuer, friendlyName);
    }

    /** Returns this config with the issuer {@code value}. */
    public AuthenticatorTotpConfig withIssuer(String value) {
        return new AuthenticatorTotpConfig(digits, period, algorithm, tolerance, value, friendlyName);
    }

    /** Returns this config naming created devices {@code value}. */
    public AuthenticatorTotpConfig withFriendlyName(String value) {
        return new AuthenticatorTotpConfig(digits, period, algorithm, tolerance, issuer, value);
    }
}
