package dev.flowstage.stages.userlogout;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.util.Map;

/** The blueprint model {@value #NAME} of the user logout stage, which has no attributes. */
public final class UserLogoutModel implements BlueprintModel<UserLogoutConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_user_logout.userlogoutstage";

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
        return UserLogoutStage.TYPE;
    }

    @Override
    public Class<UserLogoutConfig> configType() {
        return UserLogoutConfig.class;
    }

    @Override
    public UserLogoutConfig fromAttributes(ModelAttributes attrs) {
        return UserLogoutConfig.defaults();
    }

    @Override
    public Map<String, Object> toAttributes(UserLogoutConfig config) {
        return Map.of();
    }
}
