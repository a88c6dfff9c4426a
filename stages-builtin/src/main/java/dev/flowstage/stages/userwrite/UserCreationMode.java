package dev.flowstage.stages.userwrite;

import java.util.Arrays;
import java.util.Locale;

/** Whether the user write stage creates a user or updates the pending one. */
public enum UserCreationMode {
    /** Only update the pending (or signed-in) user; deny when there is none. Wire name {@code never_create}. */
    NEVER_CREATE,
    /** Update the pending (or signed-in) user, or create one when there is none. Wire name {@code create_when_required}. */
    CREATE_WHEN_REQUIRED,
    /** Always create a new user, even when there is a pending user. Wire name {@code always_create}. */
    ALWAYS_CREATE;

    /** Returns the name used in blueprints, such as {@code create_when_required}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the mode whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static UserCreationMode fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(mode -> mode.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("user creation mode '" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(UserCreationMode::wireName).toList()));
    }
}
