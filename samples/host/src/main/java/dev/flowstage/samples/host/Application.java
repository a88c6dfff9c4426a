package dev.flowstage.samples.host;

import dev.flowstage.api.RedirectTargets;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyEngineMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An application users open through the host, as authentik's {@code Application}: who may open it
 * (policy, group and user bindings combined by {@code mode}; no bindings means everyone) and,
 * optionally, a flow of designation authorization that runs before it opens (consent, for
 * example). Immutable.
 *
 * @param slug the application's slug, used in URLs
 * @param name the name shown to users
 * @param description a one-line description, or empty
 * @param launchUrl where opening it leads: a path on this host, or an https URL
 * @param mode how the bindings combine
 * @param bindings who may open it
 * @param authorizationFlow the slug of the flow to run before opening it, or null
 */
record Application(String slug, String name, String description, String launchUrl, PolicyEngineMode mode,
        List<PolicyBinding> bindings, String authorizationFlow) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]+");

    Application {
        Objects.requireNonNull(slug, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("application slug must match [a-z0-9_-]+, got '" + slug + "'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mode, "mode");
        bindings = List.copyOf(bindings);
        boolean https = launchUrl.startsWith("https://") && RedirectTargets.isSafe(launchUrl, Set.of(host(launchUrl)));
        if (!RedirectTargets.isSafe(launchUrl, Set.of()) && !https) {
            throw new IllegalArgumentException("application '" + slug + "': launch URL must be a path on this host or an "
                    + "https URL, got '" + launchUrl + "'");
        }
    }

    /**
     * Returns the application a blueprint's {@code authentik_core.application} describes.
     *
     * @throws IllegalArgumentException naming the application when its slug or launch URL does not suit the host
     */
    static Application from(dev.flowstage.core.blueprint.Application application) {
        return new Application(application.slug(), application.name(), application.description(),
                application.launchUrl(), application.mode(), application.policies(), application.authorizationFlow());
    }

    /** Returns the authorization flow, if any. */
    Optional<String> authorization() {
        return Optional.ofNullable(authorizationFlow);
    }

    private static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
