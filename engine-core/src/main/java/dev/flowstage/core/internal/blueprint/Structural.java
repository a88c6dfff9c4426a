package dev.flowstage.core.internal.blueprint;

import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.DeniedAction;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowLayout;
import dev.flowstage.api.definition.InvalidResponseAction;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.core.blueprint.Brand;
import dev.flowstage.core.blueprint.ConfigObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models built into the importer (flows, stage bindings, policy bindings, groups, brands and
 * the meta model that applies another blueprint), and how their fields are read.
 */
final class Structural {
    static final String FLOW = "authentik_flows.flow";
    static final String BINDING = "authentik_flows.flowstagebinding";
    static final String POLICY_BINDING = "authentik_policies.policybinding";
    static final String GROUP = "authentik_core.group";
    static final String BRAND = "authentik_brands.brand";
    static final String APPLICATION = "authentik_core.application";
    static final String META_APPLY = "authentik_blueprints.metaapplyblueprint";
    private static final Set<String> NAMES = Set.of(FLOW, BINDING, POLICY_BINDING, GROUP, BRAND, APPLICATION, META_APPLY);

    private Structural() {}

    static Set<String> names() {
        return NAMES;
    }

    /** A flow's own fields. */
    record FlowFields(String slug, String name, String title, Designation designation,
            AuthenticationRequirement authentication, DeniedAction deniedAction, PolicyEngineMode mode, FlowLayout layout,
            String background) {}

    /** A stage binding's fields; {@code target} and {@code stage} are keys. */
    record BindingFields(String target, String stage, int order, boolean evaluateOnPlan, boolean reEvaluate,
            InvalidResponseAction invalidResponseAction, PolicyEngineMode mode) {}

    /**
     * A policy binding's fields: exactly one of {@code policy} (a key), {@code group} (a name) and
     * {@code user} (a username); {@code target} is the key of a flow, a stage binding or an application.
     */
    record PolicyBindingFields(String policy, String group, String user, String target, int order, boolean enabled,
            boolean negate, Duration timeout, boolean failureResult) {}

    static FlowFields flow(AttributeReader attrs) {
        String slug = attrs.requiredString("slug");
        attrs.ignore("compatibility_mode");
        return new FlowFields(slug, attrs.string("name", slug), attrs.string("title", ""),
                attrs.choice("designation", Designation::fromWireName, Designation.AUTHENTICATION),
                attrs.choice("authentication", AuthenticationRequirement::fromWireName, AuthenticationRequirement.NONE),
                attrs.choice("denied_action", DeniedAction::fromWireName, DeniedAction.MESSAGE_CONTINUE),
                attrs.choice("policy_engine_mode", PolicyEngineMode::fromWireName, PolicyEngineMode.ANY),
                attrs.choice("layout", FlowLayout::fromWireName, FlowLayout.STACKED),
                attrs.string("background", ""));
    }

    static BindingFields binding(AttributeReader attrs, ModelRegistry models) {
        String target = required(attrs, "target", FLOW::equals, "a flow");
        String stage = required(attrs, "stage", models::isStage, "a stage");
        if (!attrs.has("order")) {
            attrs.problem("order", "is required");
        }
        return new BindingFields(target, stage, attrs.integer("order", 0),
                attrs.bool("evaluate_on_plan", false), attrs.bool("re_evaluate_policies", true),
                attrs.choice("invalid_response_action", InvalidResponseAction::fromWireName, InvalidResponseAction.RETRY),
                attrs.choice("policy_engine_mode", PolicyEngineMode::fromWireName, PolicyEngineMode.ANY));
    }

    static PolicyBindingFields policyBinding(AttributeReader attrs, ModelRegistry models) {
        String target = required(attrs, "target", model -> model.equals(FLOW) || model.equals(BINDING)
                || model.equals(APPLICATION), "a flow, a stage binding or an application");
        String policy = attrs.ref("policy", models::isPolicy, "a policy");
        String group = attrs.group("group");
        String user = attrs.string("user", null);
        long given = java.util.stream.Stream.of(policy, group, user).filter(java.util.Objects::nonNull).count();
        if (given != 1 && attrs.problems().isEmpty()) {
            attrs.problem("policy", "a policy binding binds exactly one of policy, group and user");
        }
        int seconds = attrs.integer("timeout", (int) PolicyBinding.DEFAULT_TIMEOUT.toSeconds());
        if (seconds < 1) {
            attrs.problem("timeout", "must be at least 1 second, got " + seconds);
            seconds = 1;
        }
        return new PolicyBindingFields(policy, group, user, target, attrs.integer("order", 0),
                attrs.bool("enabled", true), attrs.bool("negate", false), Duration.ofSeconds(seconds),
                attrs.bool("failure_result", false));
    }

    static void group(AttributeReader attrs) {
        attrs.requiredString("name");
        attrs.bool("is_superuser", false);
        attrs.ref("parent", GROUP::equals, "a group");
        attrs.map("attributes", Map.of());
        attrs.unsupported("users", "group membership comes from the host's user directory");
        attrs.unsupported("roles", "roles are not supported");
    }

    /** An application's own fields; its policy bindings are the ones that target it. */
    record ApplicationFields(String slug, String name, String launchUrl, String description, PolicyEngineMode mode,
            String authorizationFlow) {}

    static ApplicationFields application(AttributeReader attrs) {
        String slug = attrs.requiredString("slug");
        attrs.ignore("meta_icon", "meta_publisher", "open_in_new_tab", "group", "backchannel_providers");
        attrs.unsupported("provider", "providers are not supported; name the flow to run before the application "
                + "opens in authorization_flow");
        return new ApplicationFields(slug, attrs.requiredString("name"), attrs.string("meta_launch_url", ""),
                attrs.string("meta_description", ""),
                attrs.choice("policy_engine_mode", PolicyEngineMode::fromWireName, PolicyEngineMode.ANY),
                attrs.flow("authorization_flow"));
    }

    static Brand brand(AttributeReader attrs) {
        attrs.ignore("branding_custom_css", "branding_default_flow_background");
        attrs.map("attributes", Map.of());
        attrs.unsupported("web_certificate", "certificates belong to the host");
        attrs.unsupported("default_application", "applications are not supported");
        return new Brand(attrs.requiredString("domain"), attrs.bool("default", false),
                attrs.string("branding_title", "authentik"), attrs.string("branding_logo", null),
                attrs.string("branding_favicon", null), attrs.flow("flow_authentication"),
                attrs.flow("flow_invalidation"), attrs.flow("flow_recovery"), attrs.flow("flow_unenrollment"),
                attrs.flow("flow_user_settings"), attrs.flow("flow_device_code"));
    }

    private static String required(AttributeReader attrs, String key, java.util.function.Predicate<String> accept,
            String what) {
        if (!attrs.has(key) || attrs.value(key) == null) {
            attrs.problem(key, "is required");
            return null;
        }
        return attrs.ref(key, accept, what);
    }

    /** Returns whether deleting the object {@code pk} deletes {@code object} too (a binding of it). */
    static boolean cascades(ConfigObject object, String pk) {
        if (object.model().equals(BINDING)) {
            return pk.equals(object.field("target")) || pk.equals(object.field("stage"));
        }
        if (object.model().equals(POLICY_BINDING)) {
            return pk.equals(object.field("target")) || pk.equals(object.field("policy")) || pk.equals(object.field("group"));
        }
        return false;
    }

    /** Returns how messages name an object of this model: its slug, name or domain. */
    static String describe(String model, Map<String, Object> fields) {
        for (String key : List.of("slug", "name", "domain")) {
            if (fields.get(key) instanceof String value) {
                return key + "=" + value;
            }
        }
        if (model.equals(BINDING) || model.equals(POLICY_BINDING)) {
            return "order=" + fields.get("order");
        }
        return fields.toString();
    }
}
