package dev.flowstage.samples.host;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-domain defaults, as authentik's brand ({@code authentik_brands.brand}): which flows serve
 * authentication, recovery, invalidation and user settings, and the branding the UI shows. A
 * request's {@code Host} picks the brand (see {@link Brands}). Immutable.
 *
 * @param domain the domain it serves (a request host equal to it or ending in {@code .domain}), lower-case
 * @param defaultBrand whether it serves hosts no other brand matches
 * @param title the branding title ({@code branding_title})
 * @param logo the logo URL ({@code branding_logo}), a path on this host or an https URL
 * @param favicon the favicon URL ({@code branding_favicon})
 * @param flowAuthentication the slug of the authentication flow, or null for "the first authentication flow"
 * @param flowInvalidation the slug of the invalidation (logout) flow, or null
 * @param flowRecovery the slug of the recovery flow, or null
 * @param flowUserSettings the slug of the user settings flow, or null
 */
record Brand(String domain, boolean defaultBrand, String title, String logo, String favicon, String flowAuthentication,
        String flowInvalidation, String flowRecovery, String flowUserSettings) {

    Brand {
        Objects.requireNonNull(domain, "domain");
        domain = domain.strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(title, "title");
        requireSafeUrl(logo, "logo");
        requireSafeUrl(favicon, "favicon");
    }

    /** The logo of a brand that names none. */
    static final String DEFAULT_LOGO = "/static/flowstage/logo.svg";
    /** The favicon of a brand that names none. */
    static final String DEFAULT_FAVICON = "/static/flowstage/favicon.svg";

    /**
     * Returns the brand a blueprint's {@code authentik_brands.brand} describes, with the host's logo
     * and favicon where it names none.
     *
     * @throws IllegalArgumentException naming the brand when its logo or favicon is not a path on
     *     this host or an https URL
     */
    static Brand from(dev.flowstage.core.blueprint.Brand brand) {
        try {
            return new Brand(brand.domain(), brand.defaultBrand(), brand.title(),
                    Objects.requireNonNullElse(brand.logo(), DEFAULT_LOGO),
                    Objects.requireNonNullElse(brand.favicon(), DEFAULT_FAVICON), brand.authenticationFlow(),
                    brand.invalidationFlow(), brand.recoveryFlow(), brand.userSettingsFlow());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("brand '" + brand.domain() + "': " + e.getMessage(), e);
        }
    }

    /** Returns the flow slug this brand names for {@code role}, if any. */
    Optional<String> flow(Role role) {
        switch (role) {
            case AUTHENTICATION:
                return Optional.ofNullable(flowAuthentication);
            case INVALIDATION:
                return Optional.ofNullable(flowInvalidation);
            case RECOVERY:
                return Optional.ofNullable(flowRecovery);
            case USER_SETTINGS:
                return Optional.ofNullable(flowUserSettings);
            default:
                throw new AssertionError("unhandled " + role);
        }
    }

    /** Returns whether this brand serves {@code host} (lower-case, without port). */
    boolean serves(String host) {
        return !domain.isEmpty() && (host.equals(domain) || host.endsWith("." + domain));
    }

    /** The flows a brand designates. */
    enum Role {
        AUTHENTICATION,
        INVALIDATION,
        RECOVERY,
        USER_SETTINGS
    }

    private static void requireSafeUrl(String url, String what) {
        Objects.requireNonNull(url, what);
        boolean relative = url.startsWith("/") && !url.startsWith("//");
        if (!relative && !url.startsWith("https://")) {
            throw new IllegalArgumentException("brand " + what + " must be a path on this host or an https URL, got '"
                    + url + "'");
        }
        if (url.chars().anyMatch(c -> c < 0x21 || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\')) {
            throw new IllegalArgumentException("brand " + what + " must not contain spaces, quotes or angle brackets");
        }
    }
}
