package dev.flowstage.stages.identification;

import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import dev.flowstage.spi.blueprint.ModelRef;
import dev.flowstage.stages.password.PasswordConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blueprint model {@value #NAME} of the identification stage. Besides authentik's attributes
 * it reads {@code password_field} and {@code allow_show_password} (Flowstage's inline password
 * field); authentik's {@code password_stage} reference turns the inline field on and takes
 * {@code allow_show_password} from the referenced password stage. {@code sources},
 * {@code show_source_labels} and {@code template} are accepted and ignored; captcha and WebAuthn
 * stages are not supported.
 */
public final class IdentificationModel implements BlueprintModel<IdentificationConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_identification.identificationstage";

    @Override
    public String modelName() {
        return NAME;
    }

    @Override
    public Kind kind() {
        return Kind.STAGE;
    }

    @Override
    public String typeId() {
        return IdentificationStage.TYPE;
    }

    @Override
    public Class<IdentificationConfig> configType() {
        return IdentificationConfig.class;
    }

    @Override
    public IdentificationConfig fromAttributes(ModelAttributes attrs) {
        IdentificationConfig d = IdentificationConfig.defaults();
        attrs.ignore("sources", "show_source_labels", "template");
        attrs.unsupported("captcha_stage", "captcha stages are not supported");
        attrs.unsupported("webauthn_stage", "passkey sign-in is not supported");
        StageDefinition passwordStage = attrs.stage("password_stage");
        boolean stageShowsPassword = passwordStage != null && passwordStage.config() instanceof PasswordConfig password
                && password.allowShowPassword();
        return new IdentificationConfig(
                userFields(attrs, d.userFields()),
                attrs.bool("case_insensitive_matching", d.caseInsensitiveMatching()),
                attrs.bool("pretend_user_exists", d.pretendUserExists()),
                attrs.bool("show_matched_user", d.showMatchedUser()),
                attrs.bool("password_field", passwordStage != null),
                attrs.bool("allow_show_password", stageShowsPassword),
                attrs.flow("enrollment_flow"),
                attrs.flow("recovery_flow"),
                attrs.flow("passwordless_flow"),
                attrs.bool("enable_remember_me", d.enableRememberMe()));
    }

    private static List<UserField> userFields(ModelAttributes attrs, List<UserField> defaults) {
        List<String> names = attrs.strings("user_fields", defaults.stream().map(UserField::wireName).toList());
        List<UserField> fields = new ArrayList<>();
        for (String name : names) {
            try {
                fields.add(UserField.fromWireName(name));
            } catch (IllegalArgumentException e) {
                attrs.problem("user_fields", e.getMessage());
            }
        }
        return fields;
    }

    @Override
    public Map<String, Object> toAttributes(IdentificationConfig config) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("user_fields", config.userFields().stream().map(UserField::wireName).toList());
        attrs.put("case_insensitive_matching", config.caseInsensitiveMatching());
        attrs.put("pretend_user_exists", config.pretendUserExists());
        attrs.put("show_matched_user", config.showMatchedUser());
        attrs.put("password_field", config.passwordField());
        attrs.put("allow_show_password", config.allowShowPassword());
        attrs.put("enrollment_flow", flow(config.enrollmentFlow()));
        attrs.put("recovery_flow", flow(config.recoveryFlow()));
        attrs.put("passwordless_flow", flow(config.passwordlessFlow()));
        attrs.put("enable_remember_me", config.enableRememberMe());
        return attrs;
    }

    private static ModelRef flow(String slug) {
        return slug == null ? null : ModelRef.flow(slug);
    }
}
