package dev.flowstage.stages.identification;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.internal.AttemptLimits;
import dev.flowstage.stages.internal.PasswordChecks;
import dev.flowstage.stages.internal.StageSupport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks who the user is and stores the matched user as {@code pending_user} (authentik's
 * identification stage).
 *
 * <p>Without an inline password field, an unknown identifier either fails with "Failed to
 * authenticate." or, with {@code pretendUserExists}, proceeds with a {@linkplain PendingUser#pretend
 * pretend user} so that the client cannot tell it from a real one until the password stage rejects
 * it the same way as a wrong password. Inactive users are accepted here (the password stage
 * rejects them). With the inline password field, every failure is "Failed to authenticate." and
 * costs one hash verification, also for unknown users.
 *
 * <p><b>Attempt limits</b> (inline password only). Failed sign-ins are counted in the execution's
 * context under {@link #failedAttemptsKey(String)}; when the count reaches
 * {@code failedAttemptsBeforeCancel} the execution is denied with "Failed to authenticate.". Across
 * executions, the host's {@link AttemptLimiter} service, when registered, counts every failure
 * under the typed identifier (never the matched user, so that an unknown identifier is counted
 * exactly like a known one) and under the client address. While either is locked out, the stage
 * answers {@code non_field_errors: "Too many failed attempts. Please try again in N seconds."}
 * (code {@code throttled}) without checking the password, after the same single hash
 * verification, and counts nothing. Stateless and thread-safe.
 */
public final class IdentificationStage implements Stage<IdentificationConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.identification";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-identification";
    /** The error when the response has no identifier. */
    public static final String NO_IDENTIFICATION = "No identification data provided.";
    /** The error for an unknown user (without pretending) or a wrong inline password. */
    public static final String FAILED = "Failed to authenticate.";

    /** Creates the stage; it holds no state. */
    public IdentificationStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, IdentificationConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /**
     * Returns the context key counting failed inline sign-ins in the stage named {@code stageName}:
     * {@code goauthentik.io/stages/identification/<stageName>/failed_attempts}, a JSON number.
     */
    public static ContextKey<Integer> failedAttemptsKey(String stageName) {
        return ContextKey.of("goauthentik.io/stages/identification/" + stageName + "/failed_attempts", Integer.class);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link IdentificationConfig}. */
    @Override
    public Class<IdentificationConfig> configType() {
        return IdentificationConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Identifies the user by username or email, optionally with an inline password";
    }

    /** Returns the record-typed key this stage writes: {@code pending_user}. */
    @Override
    public Set<ContextKey<?>> contextKeys() {
        return Set.of(ContextKeys.PENDING_USER);
    }

    /** Returns the {@value #COMPONENT} challenge: the user fields, the linked flows and authentik's fixed fields. */
    @Override
    public Challenge challenge(StageContext<IdentificationConfig> ctx) {
        IdentificationConfig config = ctx.config();
        return Challenge.builder(COMPONENT)
                .field("user_fields", config.userFields().stream().map(UserField::wireName).toList())
                .optionalField("pending_user_identifier", ctx.get(ContextKeys.PENDING_USER_IDENTIFIER).orElse(null))
                .field("password_fields", config.passwordField())
                .field("allow_show_password", config.passwordField() && config.allowShowPassword())
                .field("flow_designation", ctx.designation().wireName())
                .field("captcha_stage", null)
                .optionalField("enroll_url", flowUrl(config.enrollmentFlow()))
                .optionalField("recovery_url", flowUrl(config.recoveryFlow()))
                .optionalField("passwordless_url", flowUrl(config.passwordlessFlow()))
                .field("primary_action", ctx.designation() == Designation.AUTHENTICATION ? "Log in" : "Continue")
                .field("sources", List.of())
                .field("show_source_labels", false)
                .field("enable_remember_me", config.enableRememberMe())
                .field("passkey_challenge", null)
                .build();
    }

    /**
     * Decides on {@code uid_field} (trimmed) and, with the inline password field, {@code password}:
     * proceeds with the pending user, rejects with a {@code non_field_errors} entry, or denies once
     * the inline password failed {@code failedAttemptsBeforeCancel} times.
     */
    @Override
    public StageResult submit(StageContext<IdentificationConfig> ctx, ChallengeResponse response) {
        Optional<String> uid = response.string("uid_field").map(String::strip).filter(text -> !text.isEmpty());
        if (uid.isEmpty()) {
            return rejected(NO_IDENTIFICATION);
        }
        Optional<User> user = find(ctx, uid.get());
        return ctx.config().passwordField()
                ? withPassword(ctx, uid.get(), user, response.secret("password").orElse(Secret.of("")))
                : withoutPassword(ctx, uid.get(), user);
    }

    private static StageResult withoutPassword(StageContext<IdentificationConfig> ctx, String uid, Optional<User> user) {
        if (user.isPresent()) {
            return StageResult.proceed(identified(ctx, PendingUser.of(user.get()), uid));
        }
        if (ctx.config().pretendUserExists()) {
            return StageResult.proceed(identified(ctx, PendingUser.pretend(uid), uid));
        }
        return rejected(FAILED);
    }

    private static StageResult withPassword(
            StageContext<IdentificationConfig> ctx, String uid, Optional<User> user, Secret password) {
        PasswordHasher hasher = ctx.service(PasswordHasher.class);
        AttemptLimits limits = AttemptLimits.of(ctx, AttemptLimiter.PASSWORD, uid);
        Optional<Duration> wait = PasswordChecks.throttled(hasher, password, limits);
        if (wait.isEmpty() && PasswordChecks.verify(ctx, hasher, password, user, limits)) {
            return StageResult.proceed(identified(ctx, PendingUser.of(user.orElseThrow()), uid)
                    .andThen(StageSupport.passwordVerified(ctx)).remove(failedAttemptsKey(ctx.stageName())));
        }
        PasswordChecks.loginFailed(ctx, user.map(User::id).orElse(""));
        return wait.isPresent()
                ? StageResult.invalid(ResponseErrors.of(ResponseErrors.NON_FIELD_ERRORS, AttemptLimits.throttled(wait.get())))
                : counted(ctx);
    }

    /** Counts a failed inline sign-in: rejects it, or denies the execution once the limit is reached. */
    private static StageResult counted(StageContext<IdentificationConfig> ctx) {
        ContextKey<Integer> key = failedAttemptsKey(ctx.stageName());
        int attempts = ctx.get(key).orElse(0) + 1;
        if (attempts >= ctx.config().failedAttemptsBeforeCancel()) {
            return StageResult.deny(FAILED, ContextUpdate.of(key, attempts));
        }
        return StageResult.invalid(ResponseErrors.nonField(FAILED, "invalid"), ContextUpdate.of(key, attempts));
    }

    /** Sets the pending user, and the typed identifier when the matched user must not be shown. */
    private static ContextUpdate identified(StageContext<IdentificationConfig> ctx, PendingUser user, String uid) {
        ContextUpdate update = ContextUpdate.of(ContextKeys.PENDING_USER, user);
        return ctx.config().showMatchedUser()
                ? update.remove(ContextKeys.PENDING_USER_IDENTIFIER)
                : update.put(ContextKeys.PENDING_USER_IDENTIFIER, uid);
    }

    /** Finds the first user matching {@code uid} on the configured fields, re-checking case when matching is exact. */
    private static Optional<User> find(StageContext<IdentificationConfig> ctx, String uid) {
        boolean anyCase = ctx.config().caseInsensitiveMatching();
        for (UserField field : ctx.config().userFields()) {
            Optional<User> user = field.lookup(ctx.users(), uid).filter(found -> anyCase || field.read(found).equals(uid));
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }

    private static StageResult rejected(String message) {
        return StageResult.invalid(ResponseErrors.nonField(message, "invalid"));
    }

    private static String flowUrl(String slug) {
        return slug == null ? null : StageSupport.flowUrl(slug);
    }
}
