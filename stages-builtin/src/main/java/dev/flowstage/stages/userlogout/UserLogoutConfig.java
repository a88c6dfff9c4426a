package dev.flowstage.stages.userlogout;

/** Configuration of the user logout stage, which has no settings. */
public record UserLogoutConfig() {

    /** Returns the (only) configuration. */
    public static UserLogoutConfig defaults() {
        return new UserLogoutConfig();
    }
}
