package dev.flowstage.stages.password;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blueprint model {@value #NAME} of the password stage. authentik's {@code backends} and
 * {@code configure_flow} are accepted and ignored: passwords are checked with the host's
 * {@link dev.flowstage.spi.PasswordHasher}.
 */
public final class PasswordModel implements BlueprintModel<PasswordConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_password.passwordstage";

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
        return PasswordStage.TYPE;
    }

    @Override
    public Class<PasswordConfig> configType() {
        return PasswordConfig.class;
    }

    @Override
    public PasswordConfig fromAttributes(ModelAttributes attrs) {
        PasswordConfig d = PasswordConfig.defaults();
        attrs.ignore("backends", "configure_flow");
        return new PasswordConfig(attrs.integer("failed_attempts_before_cancel", d.failedAttemptsBeforeCancel()),
                attrs.bool("allow_show_password", d.allowShowPassword()));
    }

    @Override
    public Map<String, Object> toAttributes(PasswordConfig config) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("failed_attempts_before_cancel", config.failedAttemptsBeforeCancel());
        attrs.put("allow_show_password", config.allowShowPassword());
        return attrs;
    }
}
