package dev.flowstage.stages.userlogin;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.Login;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.internal.StageSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Marks the pending user as logged in: writes {@link ContextKeys#LOGIN}, from which the host creates
 * its session when the flow completes (authentik's user login stage).
 *
 * <p>Logs in on arrival, unless {@code rememberMeOffset} is positive: then it shows
 * {@value #COMPONENT} and reads the required boolean {@code remember_me}. Denies "No Pending user
 * to login." when there is no pending user or it does not exist (a pretend user), and "User is not
 * active." for an inactive user. Stateless and thread-safe.
 */
public final class UserLoginStage implements Stage<UserLoginConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.user_login";
    /** The challenge component, shown only when remember-me is offered. */
    public static final String COMPONENT = "ak-stage-user-login";
    /** The denial when there is no existing pending user. */
    public static final String NO_PENDING_USER = "No Pending user to login.";
    /** The denial for an inactive user. */
    public static final String INACTIVE = "User is not active.";

    private static final String REMEMBER_ME = "remember_me";

    /** Creates the stage; it holds no state. */
    public UserLoginStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, UserLoginConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link UserLoginConfig}. */
    @Override
    public Class<UserLoginConfig> configType() {
        return UserLoginConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Logs the pending user in, optionally asking whether to remember them";
    }

    /** Returns a problem for each negative duration. */
    @Override
    public List<String> validate(UserLoginConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.sessionDuration() != null && config.sessionDuration().isNegative()) {
            problems.add("session_duration must not be negative, got " + config.sessionDuration());
        }
        if (config.rememberMeOffset() != null && config.rememberMeOffset().isNegative()) {
            problems.add("remember_me_offset must not be negative, got " + config.rememberMeOffset());
        }
        return problems;
    }

    /** Returns the record-typed key this stage writes: {@code login}. */
    @Override
    public Set<ContextKey<?>> contextKeys() {
        return Set.of(ContextKeys.LOGIN);
    }

    /** Shows the remember-me challenge when offered; otherwise logs in at once. */
    @Override
    public StageResult arrive(StageContext<UserLoginConfig> ctx) {
        return offersRememberMe(ctx.config()) ? StageResult.show() : login(ctx, false);
    }

    /** Returns the {@value #COMPONENT} challenge: the pending user as displayed and the avatar. */
    @Override
    public Challenge challenge(StageContext<UserLoginConfig> ctx) {
        return StageSupport.withUserInfo(COMPONENT, ctx).build();
    }

    /** Reads the required boolean {@code remember_me} and logs in. */
    @Override
    public StageResult submit(StageContext<UserLoginConfig> ctx, ChallengeResponse response) {
        if (response.get(REMEMBER_ME) == null) {
            return StageResult.invalid(ResponseErrors.of(REMEMBER_ME, StageSupport.REQUIRED));
        }
        Optional<Boolean> remember = response.bool(REMEMBER_ME);
        if (remember.isEmpty()) {
            return StageResult.invalid(ResponseErrors.of(REMEMBER_ME, ErrorDetail.invalid("Must be a valid boolean.")));
        }
        return login(ctx, remember.get() && offersRememberMe(ctx.config()));
    }

    private static StageResult login(StageContext<UserLoginConfig> ctx, boolean remember) {
        Optional<User> user = ctx.pendingDirectoryUser();
        if (user.isEmpty()) {
            return StageResult.deny(NO_PENDING_USER);
        }
        if (!user.get().active()) {
            return StageResult.deny(INACTIVE);
        }
        UserLoginConfig config = ctx.config();
        Duration duration = remember ? config.sessionDuration().plus(config.rememberMeOffset()) : config.sessionDuration();
        Login login = new Login(user.get().id(), duration, remember, ctx.get(ContextKeys.AUTH_METHOD).orElse(""));
        return StageResult.proceed(ContextUpdate.of(ContextKeys.LOGIN, login));
    }

    private static boolean offersRememberMe(UserLoginConfig config) {
        return config.rememberMeOffset().compareTo(Duration.ZERO) > 0;
    }
}
