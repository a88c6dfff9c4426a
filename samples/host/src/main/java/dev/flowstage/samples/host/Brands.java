package dev.flowstage.samples.host;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's brands and how a request finds its own, as authentik does: the brand whose domain the
 * request's host equals or ends in (longest domain first), else the default brand, else a built-in
 * fallback. Immutable and thread-safe.
 */
final class Brands {
    /** The brand used when none is configured as default. */
    static final Brand FALLBACK = new Brand("", true, "Flowstage", Brand.DEFAULT_LOGO, Brand.DEFAULT_FAVICON, null, null,
            null, null);

    private final List<Brand> brands;
    private final Brand defaultBrand;

    /**
     * Creates the registry.
     *
     * @throws IllegalArgumentException when two brands are default or share a domain
     */
    Brands(List<Brand> brands) {
        this.brands = brands.stream().sorted(Comparator.comparingInt((Brand b) -> b.domain().length()).reversed()).toList();
        List<Brand> defaults = brands.stream().filter(Brand::defaultBrand).toList();
        if (defaults.size() > 1) {
            throw new IllegalArgumentException("only one brand may be the default, got " + defaults.size());
        }
        if (brands.stream().map(Brand::domain).filter(d -> !d.isEmpty()).distinct().count()
                != brands.stream().map(Brand::domain).filter(d -> !d.isEmpty()).count()) {
            throw new IllegalArgumentException("two brands have the same domain");
        }
        this.defaultBrand = defaults.isEmpty() ? FALLBACK : defaults.get(0);
    }

    /**
     * Returns the registry of the brands blueprints defined ({@code authentik_brands.brand}).
     *
     * @throws IllegalArgumentException when two brands are default or share a domain, or a brand's
     *     logo or favicon is not a path on this host or an https URL
     */
    static Brands of(List<dev.flowstage.core.blueprint.Brand> brands) {
        return new Brands(brands.stream().map(Brand::from).toList());
    }

    /** Returns the brand for a {@code Host} header value (may carry a port; null when absent). */
    Brand forHost(String hostHeader) {
        String host = hostName(hostHeader);
        return brands.stream().filter(brand -> brand.serves(host)).findFirst().orElse(defaultBrand);
    }

    /** Returns every brand. */
    List<Brand> all() {
        return brands;
    }

    /**
     * Returns the flow {@code brand} uses for {@code role}: the brand's own if the engine serves it,
     * else (except for user settings) the first flow, by slug, of the matching designation, as
     * authentik's {@code ToDefaultFlow}.
     */
    static Optional<String> flow(Brand brand, Brand.Role role, FlowEngine engine) {
        Optional<String> own = brand.flow(role).filter(engine.flowSlugs()::contains);
        if (own.isPresent() || role == Brand.Role.USER_SETTINGS) {
            return own;
        }
        Designation designation = designation(role);
        return engine.flowSlugs().stream().sorted()
                .filter(slug -> engine.definition(slug).map(FlowDefinition::designation).orElse(null) == designation)
                .findFirst();
    }

    private static Designation designation(Brand.Role role) {
        switch (role) {
            case AUTHENTICATION:
                return Designation.AUTHENTICATION;
            case INVALIDATION:
                return Designation.INVALIDATION;
            case RECOVERY:
                return Designation.RECOVERY;
            default:
                throw new AssertionError("unhandled " + role);
        }
    }

    /** Returns the host name of a {@code Host} header, lower-case, without port or IPv6 brackets. */
    static String hostName(String hostHeader) {
        String host = Objects.requireNonNullElse(hostHeader, "").strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
