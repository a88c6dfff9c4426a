package dev.flowstage.stages.authenticator.staticcodes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Configuration of the static recovery codes setup stage (authentik's {@code
 * AuthenticatorStaticStage} model).
 *
 * @param tokenCount how many codes to generate, 1 to 100
 * @param tokenLength how many characters each code has, 10 to 100. Each character carries
 *     log2(62) ≈ 5.95 bits, so the minimum of 10 gives ≈ 59 bits: enough that an unsalted SHA-256
 *     of a code cannot be reversed by guessing
 * @param friendlyName the name of the created device
 */
public record AuthenticatorStaticConfig(
        @Min(1) @Max(100) int tokenCount, @Min(10) @Max(100) int tokenLength, @NotBlank String friendlyName) {

    /** Returns authentik's defaults: 6 codes of 12 characters, device "Static Token". */
    public static AuthenticatorStaticConfig defaults() {
        return new AuthenticatorStaticConfig(6, 12, "Static Token");
    }

    /** Returns this config generating {@code count} codes. */
    public AuthenticatorStaticConfig withTokenCount(int count) {
        return new AuthenticatorStaticConfig(count, tokenLength, friendlyName);
    }

    /** Returns this config generating codes of {@code length} characters. */
    public AuthenticatorStaticConfig withTokenLength(int length) {
        return new AuthenticatorStaticConfig(tokenCount, length, friendlyName);
    }

    /** Returns this config naming created devices {@code name}. */
    public AuthenticatorStaticConfig withFriendlyName(String name) {
        return new AuthenticatorStaticConfig(tokenCount, tokenLength, name);
    }
}
