package dev.flowstage.stages.userlogout;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;

/**
 * Ends the requester's session: proceeds at once with {@link ContextKeys#LOGOUT} set to true, and the
 * host ends its session when the flow completes (authentik's user logout stage). Shows no
 * challenge. Stateless and thread-safe.
 */
public final class UserLogoutStage implements Stage<UserLogoutConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.user_logout";

    /** Creates the stage; it holds no state. */
    public UserLogoutStage() {}

    /** Returns a stage definition named {@code name} of this type. */
    public static StageDefinition definition(String name) {
        return StageDefinition.of(name, TYPE, UserLogoutConfig.defaults());
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link UserLogoutConfig}. */
    @Override
    public Class<UserLogoutConfig> configType() {
        return UserLogoutConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Logs the requester out when the flow completes";
    }

    /** Proceeds with {@code logout} set to true. */
    @Override
    public StageResult arrive(StageContext<UserLogoutConfig> ctx) {
        return StageResult.proceed(ContextUpdate.of(ContextKeys.LOGOUT, true));
    }
}
