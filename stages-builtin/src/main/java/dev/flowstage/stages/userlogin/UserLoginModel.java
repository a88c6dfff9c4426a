package dev.flowstage.stages.userlogin;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blueprint model {@value #NAME} of the user login stage. Session binding
 * ({@code network_binding}, {@code geoip_binding}) belongs to the host's session handling: only
 * authentik's default {@code no_binding} is accepted; {@code terminate_other_sessions} is not
 * supported.
 */
public final class UserLoginModel implements BlueprintModel<UserLoginConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_user_login.userloginstage";
    private static final String NO_BINDING = "no_binding";

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
        return UserLoginStage.TYPE;
    }

    @Override
    public Class<UserLoginConfig> configType() {
        return UserLoginConfig.class;
    }

    @Override
    public UserLoginConfig fromAttributes(ModelAttributes attrs) {
        UserLoginConfig d = UserLoginConfig.defaults();
        attrs.unsupported("terminate_other_sessions", "ending other sessions belongs to the host's session handling");
        noBinding(attrs, "network_binding");
        noBinding(attrs, "geoip_binding");
        return new UserLoginConfig(attrs.duration("session_duration", d.sessionDuration()),
                attrs.duration("remember_me_offset", d.rememberMeOffset()));
    }

    private static void noBinding(ModelAttributes attrs, String key) {
        attrs.choice(key, value -> {
            if (!value.equals(NO_BINDING)) {
                throw new IllegalArgumentException("only '" + NO_BINDING
                        + "' is supported: session binding belongs to the host's session handling");
            }
            return value;
        }, NO_BINDING);
    }

    @Override
    public Map<String, Object> toAttributes(UserLoginConfig config) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("session_duration", config.sessionDuration());
        attrs.put("remember_me_offset", config.rememberMeOffset());
        return attrs;
    }
}
