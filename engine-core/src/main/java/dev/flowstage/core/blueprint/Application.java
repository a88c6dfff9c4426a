package dev.flowstage.core.blueprint;

import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyEngineMode;
import java.util.List;
import java.util.Objects;

/**
 * An application (authentik's {@code authentik_core.application}): what a host lists to signed-in
 * users, who may open it (the policy, group and user bindings that target it, combined by
 * {@code mode}; none means everyone), and the flow to run before it opens. Blueprints define it;
 * the host decides what opening means.
 *
 * @param slug the application's slug
 * @param name the name shown to users
 * @param launchUrl where opening it leads ({@code meta_launch_url}), or empty
 * @param description a one-line description ({@code meta_description}), or empty
 * @param mode how the bindings combine ({@code policy_engine_mode})
 * @param policies who may open it, by order
 * @param authorizationFlow the slug of the flow to run before it opens, or null (Flowstage's
 *     {@code authorization_flow}; in authentik it belongs to the application's provider)
 */
public record Application(String slug, String name, String launchUrl, String description, PolicyEngineMode mode,
        List<PolicyBinding> policies, String authorizationFlow) {

    /** Validates and copies the parts. */
    public Application {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(launchUrl, "launchUrl");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mode, "mode");
        policies = List.copyOf(policies);
    }
}
