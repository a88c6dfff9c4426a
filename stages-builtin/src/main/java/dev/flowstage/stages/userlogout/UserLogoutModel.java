package dev.flowstage.stages.userlogout;

import dev.flowstage.spi.blueprint.BlueprintModel;
import java.util.Map;

/** The blueprint model {@value #NAME} of the user logout stage, which has no attributes: register {@link #MODEL}. */
public final class UserLogoutModel {
    /** The model name. */
    public static final String NAME = "authentik_stages_user_logout.userlogoutstage";

    /** The model. */
    public static final BlueprintModel<UserLogoutConfig> MODEL = BlueprintModel.stage(NAME, UserLogoutStage.TYPE, UserLogoutConfig.class,
            attrs -> UserLogoutConfig.defaults(),
            config -> Map.of());

    private UserLogoutModel() {}
}
