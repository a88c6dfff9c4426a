package dev.flowstage.stages.authenticator.webauthn;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Configuration of the WebAuthn setup stage (authentik's {@code AuthenticatorWebAuthnStage} model,
 * with the relying party given explicitly instead of taken from the request).
 *
 * <p>Immutable. The constructor copies {@code origins} but does not reject bad values: Bean
 * Validation and {@link AuthenticatorWebAuthnStage#validate} report them when a flow compiles.
 *
 * @param rpId the relying party id: the site's registrable domain, such as {@code example.com}
 * @param rpName the relying party name browsers show
 * @param origins the origins registrations may come from, such as {@code https://login.example.com};
 *     each must be https (or http on localhost) on {@code rpId} or a subdomain of it
 * @param userVerification whether the authenticator must verify the user ({@link UserVerification#REQUIRED} enforces it)
 * @param residentKey whether a discoverable credential (passkey) is asked for
 * @param attestation the attestation conveyance; only {@code none} is supported (no trust anchors are kept)
 * @param friendlyName the name of the created device
 */
public record AuthenticatorWebAuthnConfig(
        @NotBlank String rpId,
        @NotBlank String rpName,
        @NotNull @NotEmpty Set<@NotNull String> origins,
        @NotNull UserVerification userVerification,
        @NotNull ResidentKey residentKey,
        @NotNull @Pattern(regexp = "none") String attestation,
        @NotBlank String friendlyName) {

    /** Copies {@code origins} (null stays null, for Bean Validation to report). */
    public AuthenticatorWebAuthnConfig {
        origins = origins == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(origins));
    }

    /** Returns a config for relying party {@code rpId} at {@code origins}, with authentik's other defaults. */
    public static AuthenticatorWebAuthnConfig forRelyingParty(String rpId, String... origins) {
        return new AuthenticatorWebAuthnConfig(rpId, rpId, new LinkedHashSet<>(Arrays.asList(origins)),
                UserVerification.PREFERRED, ResidentKey.PREFERRED, "none", "WebAuthn Device");
    }

    /** Returns a config for development on {@code http://localhost}: relying party {@code localhost}. */
    public static AuthenticatorWebAuthnConfig defaults() {
        return forRelyingParty("localhost", "http://localhost");
    }

    /** Returns this config with the relying party name {@code name}. */
    public AuthenticatorWebAuthnConfig withRpName(String name) {
        return new AuthenticatorWebAuthnConfig(rpId, name, origins, userVerification, residentKey, attestation, friendlyName);
    }

    /** Returns this config with user verification {@code value}. */
    public AuthenticatorWebAuthnConfig withUserVerification(UserVerification value) {
        return new AuthenticatorWebAuthnConfig(rpId, rpName, origins, value, residentKey, attestation, friendlyName);
    }

    /** Returns this config asking for resident keys as {@code value} says. */
    public AuthenticatorWebAuthnConfig withResidentKey(ResidentKey value) {
        return new AuthenticatorWebAuthnConfig(rpId, rpName, origins, userVerification, value, attestation, friendlyName);
    }

    /** Returns this config naming created devices {@code name}. */
    public AuthenticatorWebAuthnConfig withFriendlyName(String name) {
        return new AuthenticatorWebAuthnConfig(rpId, rpName, origins, userVerification, residentKey, attestation, name);
    }
}
