package dev.flowstage.stages.userwrite;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Configuration of the user write stage (authentik's {@code UserWriteStage} model).
 *
 * <p>Immutable. The constructor does not reject bad values: Bean Validation reports them, all
 * together, when a flow using the stage compiles.
 *
 * @param userCreationMode whether the stage creates a user, updates the pending one, or either
 * @param createUsersAsInactive whether new users are created inactive (they cannot sign in until
 *     activated, for example by an email stage)
 * @param createUsersGroup the name of a group that new users join, or null for none; not blank
 * @param userPathTemplate the path recorded in a new user's {@code path} attribute, used
 *     literally; empty string for authentik's default path {@value UserWriteStage#DEFAULT_PATH}
 * @param userType the type recorded in a new user's {@code type} attribute
 */
public record UserWriteConfig(
        @NotNull UserCreationMode userCreationMode,
        boolean createUsersAsInactive,
        @Pattern(regexp = "(?s).*\\S.*") String createUsersGroup,
        @NotNull String userPathTemplate,
        @NotNull UserType userType) {

    /**
     * Returns authentik's defaults: create a user when there is no pending user, active, in no
     * group, on the default path, of type {@link UserType#EXTERNAL}.
     */
    public static UserWriteConfig defaults() {
        return new UserWriteConfig(UserCreationMode.CREATE_WHEN_REQUIRED, false, null, "", UserType.EXTERNAL);
    }

    /** Returns this config with creation mode {@code mode}. */
    public UserWriteConfig withUserCreationMode(UserCreationMode mode) {
        return new UserWriteConfig(mode, createUsersAsInactive, createUsersGroup, userPathTemplate, userType);
    }

    /** Returns this config creating users inactive when {@code inactive} is true. */
    public UserWriteConfig withCreateUsersAsInactive(boolean inactive) {
        return new UserWriteConfig(userCreationMode, inactive, createUsersGroup, userPathTemplate, userType);
    }

    /** Returns this config adding new users to group {@code group} (null for none). */
    public UserWriteConfig withCreateUsersGroup(String group) {
        return new UserWriteConfig(userCreationMode, createUsersAsInactive, group, userPathTemplate, userType);
    }

    /** Returns this config recording {@code path} as new users' path ("" for the default). */
    public UserWriteConfig withUserPathTemplate(String path) {
        return new UserWriteConfig(userCreationMode, createUsersAsInactive, createUsersGroup, path, userType);
    }

    /** Returns this config creating users of type {@code type}. */
    public UserWriteConfig withUserType(UserType type) {
        return new UserWriteConfig(userCreationMode, createUsersAsInactive, createUsersGroup, userPathTemplate, type);
    }
}
