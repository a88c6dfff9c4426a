package dev.flowstage.api;

import java.util.List;
import java.util.Map;

/** The well-known context keys that built-in stages write and policies read (authentik's names). */
public final class ContextKeys {
    /** The user this execution is about; written by identification, password, user_write. */
    public static final ContextKey<PendingUser> PENDING_USER = ContextKey.of("pending_user", PendingUser.class);
    /** What the client typed to identify, when it should be displayed instead of the matched user. */
    public static final ContextKey<String> PENDING_USER_IDENTIFIER =
            ContextKey.of("pending_user_identifier", String.class);
    /** Values collected by prompt stages, keyed by field key. */
    public static final ContextKey<Map<String, Object>> PROMPT_DATA = ContextKey.of("prompt_data", mapType());
    /** Where the client goes when the flow completes; relative or allow-listed URLs only. */
    public static final ContextKey<String> REDIRECT = ContextKey.of("redirect", String.class);
    /** The slug of the application the user is signing in to, if any. */
    public static final ContextKey<String> APPLICATION = ContextKey.of("application", String.class);
    /** How the pending user authenticated: {@code password}, {@code auth_mfa}, ... */
    public static final ContextKey<String> AUTH_METHOD = ContextKey.of("auth_method", String.class);
    /** Details of the authentication method (devices used, ...). */
    public static final ContextKey<Map<String, Object>> AUTH_METHOD_ARGS = ContextKey.of("auth_method_args", mapType());
    /** The session to create on completion; written by the user_login stage. */
    public static final ContextKey<Login> LOGIN = ContextKey.of("login", Login.class);
    /** Set to true by the user_logout stage: the host ends the requester's session on completion. */
    public static final ContextKey<Boolean> LOGOUT = ContextKey.of("logout", Boolean.class);
    /** Overrides the deny stage's message. */
    public static final ContextKey<String> DENY_MESSAGE = ContextKey.of("deny_message", String.class);
    /** The names of the credential stages that the pending user passed in this execution. */
    public static final ContextKey<List<String>> VERIFIED_CREDENTIALS =
            ContextKey.of("verified_credentials", listType());

    private ContextKeys() {}

    /** Returns every key of this class, for registries that need to know value types. */
    public static List<ContextKey<?>> all() {
        return List.of(
                PENDING_USER,
                PENDING_USER_IDENTIFIER,
                PROMPT_DATA,
                REDIRECT,
                APPLICATION,
                AUTH_METHOD,
                AUTH_METHOD_ARGS,
                LOGIN,
                LOGOUT,
                DENY_MESSAGE,
                VERIFIED_CREDENTIALS);
    }

    /** Returns {@code Map.class} typed as a map of JSON-like values. */
    @SuppressWarnings("unchecked")
    public static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    /** Returns {@code List.class} typed as a list of strings. */
    @SuppressWarnings("unchecked")
    public static Class<List<String>> listType() {
        return (Class<List<String>>) (Class<?>) List.class;
    }
}
