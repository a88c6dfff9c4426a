package dev.flowstage.stages.userwrite;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blueprint model {@value #NAME} of the user write stage. {@code create_users_group} is a
 * group reference or a group name; {@code user_path_template} is used literally.
 */
public final class UserWriteModel implements BlueprintModel<UserWriteConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_user_write.userwritestage";

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
        return UserWriteStage.TYPE;
    }

    @Override
    public Class<UserWriteConfig> configType() {
        return UserWriteConfig.class;
    }

    @Override
    public UserWriteConfig fromAttributes(ModelAttributes attrs) {
        UserWriteConfig d = UserWriteConfig.defaults();
        return new UserWriteConfig(
                attrs.choice("user_creation_mode", UserCreationMode::fromWireName, d.userCreationMode()),
                attrs.bool("create_users_as_inactive", d.createUsersAsInactive()),
                attrs.group("create_users_group"),
                attrs.string("user_path_template", d.userPathTemplate()),
                attrs.choice("user_type", UserType::fromWireName, d.userType()));
    }

    @Override
    public Map<String, Object> toAttributes(UserWriteConfig config) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("user_creation_mode", config.userCreationMode().wireName());
        attrs.put("create_users_as_inactive", config.createUsersAsInactive());
        attrs.put("create_users_group", config.createUsersGroup());
        attrs.put("user_path_template", config.userPathTemplate());
        attrs.put("user_type", config.userType().wireName());
        return attrs;
    }
}
