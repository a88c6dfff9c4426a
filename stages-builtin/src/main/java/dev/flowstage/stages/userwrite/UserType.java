package dev.flowstage.stages.userwrite;

import java.util.Arrays;
import java.util.Locale;

/**
 * The kind of user the user write stage creates, recorded in the new user's {@code type}
 * attribute as the wire name ({@link dev.flowstage.api.User} has no field for it).
 */
public enum UserType {
    /** A member of the organisation; wire name {@code internal}. */
    INTERNAL,
    /** Someone from outside, such as a customer; wire name {@code external}. */
    EXTERNAL,
    /**
     * A non-human account; wire name {@code service_account}. authentik's
     * {@code internal_service_account} is read as this type, as authentik downgrades it too.
     */
    SERVICE_ACCOUNT;

    private static final String INTERNAL_SERVICE_ACCOUNT = "internal_service_account";

    /** Returns the name used in blueprints and in the {@code type} attribute, such as {@code external}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the type whose wire name is {@code wireName}; {@code internal_service_account} gives
     * {@link #SERVICE_ACCOUNT}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static UserType fromWireName(String wireName) {
        if (INTERNAL_SERVICE_ACCOUNT.equals(wireName)) {
            return SERVICE_ACCOUNT;
        }
        return Arrays.stream(values())
                .filter(type -> type.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("user type '" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(UserType::wireName).toList()));
    }
}
