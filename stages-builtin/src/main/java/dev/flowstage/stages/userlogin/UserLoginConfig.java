package dev.flowstage.stages.userlogin;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Configuration of the user login stage (authentik's {@code UserLoginStage} model, without
 * network/GeoIP session binding, which belongs to the host's session handling).
 *
 * @param sessionDuration how long the session lasts; {@link Duration#ZERO} means until the browser closes; not negative
 * @param rememberMeOffset added to the session when the user asks to be remembered; when
 *     positive the stage asks ({@code remember_me}); not negative
 */
public record UserLoginConfig(@NotNull Duration sessionDuration, @NotNull Duration rememberMeOffset) {

    /** Returns authentik's defaults: a browser session, no remember-me. */
    public static UserLoginConfig defaults() {
        return new UserLoginConfig(Duration.ZERO, Duration.ZERO);
    }

    /** Returns this config with sessions lasting {@code duration}. */
    public UserLoginConfig withSessionDuration(Duration duration) {
        return new UserLoginConfig(duration, rememberMeOffset);
    }

    /** Returns this config offering remember-me, which lengthens the session by {@code offset}. */
    public UserLoginConfig withRememberMeOffset(Duration offset) {
        return new UserLoginConfig(sessionDuration, offset);
    }
}
