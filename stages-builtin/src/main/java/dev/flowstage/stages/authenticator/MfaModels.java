package dev.flowstage.stages.authenticator;

import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import dev.flowstage.spi.blueprint.ModelRef;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailConfig;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailStage;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpConfig;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpStage;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.authenticator.validate.NotConfiguredAction;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnConfig;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnStage;
import dev.flowstage.stages.authenticator.webauthn.ResidentKey;
import dev.flowstage.stages.authenticator.webauthn.UserVerification;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blueprint models of the MFA stages, under authentik's names. Every setup stage accepts and
 * ignores authentik's {@code configure_flow} (the user-settings flow that sets the device up);
 * attributes marked Flowstage in docs/blueprints.md are Flowstage's own.
 */
public final class MfaModels {
    /** The model name of the authenticator validation stage. */
    public static final String VALIDATE = "authentik_stages_authenticator_validate.authenticatorvalidatestage";
    /** The model name of the TOTP setup stage. */
    public static final String TOTP = "authentik_stages_authenticator_totp.authenticatortotpstage";
    /** The model name of the static codes setup stage. */
    public static final String STATIC = "authentik_stages_authenticator_static.authenticatorstaticstage";
    /** The model name of the WebAuthn setup stage. */
    public static final String WEBAUTHN = "authentik_stages_authenticator_webauthn.authenticatorwebauthnstage";
    /** The model name of the email code setup stage. */
    public static final String EMAIL = "authentik_stages_authenticator_email.authenticatoremailstage";

    private MfaModels() {}

    /** Returns the five MFA stage models. */
    public static List<BlueprintModel<?>> all() {
        return List.of(validate(), totp(), staticCodes(), webauthn(), email());
    }

    /**
     * authentik's {@code configuration_stages} name setup stages; an engine cannot insert stages into
     * a running plan, so Flowstage's {@code configuration_flows} name the setup flows instead.
     */
    static BlueprintModel<AuthenticatorValidateConfig> validate() {
        return BlueprintModel.stage(VALIDATE, AuthenticatorValidateStage.TYPE, AuthenticatorValidateConfig.class, attrs -> {
            AuthenticatorValidateConfig d = AuthenticatorValidateConfig.defaults();
            attrs.unsupported("configuration_stages", "name the setup flows in configuration_flows instead");
            attrs.unsupported("webauthn_allowed_device_types", "device type restrictions are not supported");
            List<String> flows = attrs.flows("configuration_flows");
            return new AuthenticatorValidateConfig(deviceClasses(attrs, d.deviceClasses()),
                    attrs.choice("not_configured_action", NotConfiguredAction::fromWireName, d.notConfiguredAction()), flows,
                    attrs.duration("last_auth_threshold", d.lastAuthThreshold()),
                    attrs.choice("webauthn_user_verification", UserVerification::fromWireName, d.webauthnUserVerification()),
                    new LinkedHashSet<>(attrs.strings("webauthn_origins", List.copyOf(d.webauthnOrigins()))),
                    attrs.integer("failed_attempts_before_cancel", d.failedAttemptsBeforeCancel()));
        }, config -> {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("device_classes", config.deviceClasses().stream().map(DeviceKind::deviceClass).toList());
            attrs.put("not_configured_action", config.notConfiguredAction().wireName());
            attrs.put("configuration_flows", config.configurationStages().stream().map(ModelRef::flow).toList());
            attrs.put("last_auth_threshold", config.lastAuthThreshold());
            attrs.put("webauthn_user_verification", config.webauthnUserVerification().wireName());
            attrs.put("webauthn_origins", config.webauthnOrigins().stream().sorted().toList());
            attrs.put("failed_attempts_before_cancel", config.failedAttemptsBeforeCancel());
            return attrs;
        });
    }

    private static Set<DeviceKind> deviceClasses(ModelAttributes attrs, Set<DeviceKind> defaults) {
        List<String> names = attrs.strings("device_classes", defaults.stream().map(DeviceKind::deviceClass).toList());
        Set<DeviceKind> kinds = new LinkedHashSet<>();
        for (String name : names) {
            try {
                kinds.add(DeviceKind.fromDeviceClass(name));
            } catch (IllegalArgumentException e) {
                attrs.problem("device_classes", e.getMessage());
            }
        }
        return kinds;
    }

    static BlueprintModel<AuthenticatorTotpConfig> totp() {
        return BlueprintModel.stage(TOTP, AuthenticatorTotpStage.TYPE, AuthenticatorTotpConfig.class, attrs -> {
            AuthenticatorTotpConfig d = AuthenticatorTotpConfig.defaults();
            attrs.ignore("configure_flow");
            return new AuthenticatorTotpConfig(attrs.integer("digits", d.digits()), attrs.integer("period", d.period()),
                    attrs.choice("algorithm", TotpAlgorithm::fromWireName, d.algorithm()),
                    attrs.integer("tolerance", d.tolerance()), attrs.string("issuer", d.issuer()),
                    attrs.string("friendly_name", d.friendlyName()));
        }, config -> {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("digits", config.digits());
            attrs.put("period", config.period());
            attrs.put("algorithm", config.algorithm().wireName());
            attrs.put("tolerance", config.tolerance());
            attrs.put("issuer", config.issuer());
            attrs.put("friendly_name", config.friendlyName());
            return attrs;
        });
    }

    static BlueprintModel<AuthenticatorStaticConfig> staticCodes() {
        return BlueprintModel.stage(STATIC, AuthenticatorStaticStage.TYPE, AuthenticatorStaticConfig.class, attrs -> {
            AuthenticatorStaticConfig d = AuthenticatorStaticConfig.defaults();
            attrs.ignore("configure_flow");
            return new AuthenticatorStaticConfig(attrs.integer("token_count", d.tokenCount()),
                    attrs.integer("token_length", d.tokenLength()), attrs.string("friendly_name", d.friendlyName()));
        }, config -> Map.of("token_count", config.tokenCount(), "token_length", config.tokenLength(),
                "friendly_name", config.friendlyName()));
    }

    static BlueprintModel<AuthenticatorWebAuthnConfig> webauthn() {
        return BlueprintModel.stage(WEBAUTHN, AuthenticatorWebAuthnStage.TYPE, AuthenticatorWebAuthnConfig.class, attrs -> {
            AuthenticatorWebAuthnConfig d = AuthenticatorWebAuthnConfig.defaults();
            attrs.ignore("configure_flow");
            attrs.unsupported("authenticator_attachment", "authenticator attachment restrictions are not supported");
            attrs.unsupported("device_type_restrictions", "device type restrictions are not supported");
            String rpId = attrs.string("rp_id", d.rpId());
            return new AuthenticatorWebAuthnConfig(rpId, attrs.string("rp_name", rpId),
                    new LinkedHashSet<>(attrs.strings("origins", List.copyOf(d.origins()))),
                    attrs.choice("user_verification", UserVerification::fromWireName, d.userVerification()),
                    attrs.choice("resident_key_requirement", ResidentKey::fromWireName, d.residentKey()),
                    attrs.string("attestation", d.attestation()), attrs.string("friendly_name", d.friendlyName()));
        }, config -> {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("rp_id", config.rpId());
            attrs.put("rp_name", config.rpName());
            attrs.put("origins", config.origins().stream().sorted().toList());
            attrs.put("user_verification", config.userVerification().wireName());
            attrs.put("resident_key_requirement", config.residentKey().wireName());
            attrs.put("attestation", config.attestation());
            attrs.put("friendly_name", config.friendlyName());
            return attrs;
        });
    }

    /** Codes go out with the engine's mailer; authentik's own SMTP settings are not supported. */
    static BlueprintModel<AuthenticatorEmailConfig> email() {
        return BlueprintModel.stage(EMAIL, AuthenticatorEmailStage.TYPE, AuthenticatorEmailConfig.class, attrs -> {
            AuthenticatorEmailConfig d = AuthenticatorEmailConfig.defaults();
            attrs.ignore("configure_flow", "template", "host", "port", "username", "password", "use_tls", "use_ssl",
                    "timeout", "from_address");
            if (!attrs.bool("use_global_settings", true)) {
                attrs.problem("use_global_settings", "only true is supported: codes are sent with the engine's mailer");
            }
            return new AuthenticatorEmailConfig(attrs.string("subject", d.subject()),
                    attrs.duration("token_expiry", d.codeValidity()), attrs.string("friendly_name", d.friendlyName()),
                    attrs.integer("failed_attempts_before_cancel", d.failedAttemptsBeforeCancel()));
        }, config -> {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("use_global_settings", true);
            attrs.put("subject", config.subject());
            attrs.put("token_expiry", config.codeValidity());
            attrs.put("friendly_name", config.friendlyName());
            attrs.put("failed_attempts_before_cancel", config.failedAttemptsBeforeCancel());
            return attrs;
        });
    }
}
