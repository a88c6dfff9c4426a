package dev.flowstage.core.blueprint;

import java.util.Objects;

/**
 * A brand (authentik's {@code authentik_brands.brand}): per-domain defaults, in particular which
 * flows serve authentication, recovery and the other designations. Flow fields are slugs, or null.
 *
 * @param domain the domain the brand serves
 * @param defaultBrand whether it is the default brand
 * @param title the branding title ({@code branding_title})
 * @param logo the logo's URL ({@code branding_logo}), or null for the host's own
 * @param favicon the favicon's URL ({@code branding_favicon}), or null for the host's own
 * @param authenticationFlow the authentication flow's slug, or null
 * @param invalidationFlow the invalidation (logout) flow's slug, or null
 * @param recoveryFlow the recovery flow's slug, or null
 * @param unenrollmentFlow the unenrollment flow's slug, or null
 * @param userSettingsFlow the user settings flow's slug, or null
 * @param deviceCodeFlow the device code flow's slug, or null
 */
public record Brand(String domain, boolean defaultBrand, String title, String logo, String favicon, String authenticationFlow,
        String invalidationFlow, String recoveryFlow, String unenrollmentFlow, String userSettingsFlow,
        String deviceCodeFlow) {

    /** Validates the parts. */
    public Brand {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(title, "title");
    }
}
