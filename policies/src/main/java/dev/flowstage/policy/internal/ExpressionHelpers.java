package dev.flowstage.policy.internal;

import java.lang.reflect.Method;

/**
 * The functions expressions may call. Public only because MVEL calls them reflectively; not an API.
 */
public final class ExpressionHelpers {
    /** The name expressions call {@link #isGroupMember} by. */
    static final String IS_GROUP_MEMBER = "isGroupMember";

    private ExpressionHelpers() {}

    /**
     * Returns whether {@code user} (the {@code user} variable) belongs to group {@code group};
     * false when the user is null or the group is not a string.
     */
    public static boolean isGroupMember(Object user, Object group) {
        return user instanceof UserView view && group instanceof String name && view.isMemberOf(name);
    }

    /** Returns the method MVEL imports as {@code isGroupMember}. */
    static Method isGroupMemberMethod() {
        try {
            return ExpressionHelpers.class.getMethod(IS_GROUP_MEMBER, Object.class, Object.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError("isGroupMember is declared above", e);
        }
    }
}
