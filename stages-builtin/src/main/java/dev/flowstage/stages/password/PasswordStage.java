package dev.flowstage.stages.password;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
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
import java.util.Optional;
import java.util.Set;

/**
 * Checks the pending user's password with the {@link PasswordHasher} service (authentik's password stage).
 *
 * <p>A pretend user, a user without a usable hash, an inactive user and a wrong password all get
 * the same field error {@code password: "Invalid password"} (code {@code invalid}) after the same
 * single hash verification, and publish a {@link dev.flowstage.api.FlowEvent.LoginFailed}.
 *
 * <p><b>Attempt limits.</b> Wrong passwords are counted in the execution's context under
 * {@link #failedAttemptsKey(String)}; when the count reaches {@code failedAttemptsBeforeCancel} the
 * execution is denied with "Invalid password". Unlike authentik, which derives the limit from
 * reputation scores per IP and identifier (clamped to [-5, 5], so a user already at the floor is
 * never cancelled), the count here is per execution and per stage. Across executions, the host's
 * {@link AttemptLimiter} service, when registered, counts every attempt under the pending user as
 * displayed (the typed identifier, or the username; so a pretend user is counted exactly like a
 * real one) and under the client address. While either is locked out, the stage answers the
 * field error {@code password: "Too many failed attempts. Please try again in N seconds."} (code
 * {@code throttled}) without checking the password, after the same single hash verification, and
 * counts nothing; a right password clears the identifier's count. Stateless and thread-safe.
 */
public final class PasswordStage implements Stage<PasswordConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.password";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-password";
    /** The message for any rejected password, and for the denial once the attempts are used up. */
    public static final String INVALID_PASSWORD = "Invalid password";
    /** The denial when no stage before this one identified a user. */
    public static final String NO_PENDING_USER = "No pending user.";

    private static final String PASSWORD = "password";

    /** Creates the stage; it holds no state. */
    public PasswordStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, PasswordConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /**
     * Returns the context key counting wrong passwords in the stage named {@code stageName}:
     * {@code goauthentik.io/stages/password/<stageName>/failed_attempts}, a JSON number.
     */
    public static ContextKey<Integer> failedAttemptsKey(String stageName) {
        return ContextKey.of("goauthentik.io/stages/password/" + stageName + "/failed_attempts", Integer.class);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link PasswordConfig}. */
    @Override
    public Class<PasswordConfig> configType() {
        return PasswordConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Checks the pending user's password";
    }

    /** Returns the record-typed key this stage writes: {@code pending_user}. */
    @Override
    public Set<ContextKey<?>> contextKeys() {
        return Set.of(ContextKeys.PENDING_USER);
    }

    /** Returns the {@value #COMPONENT} challenge: the pending user as displayed, the avatar and the show-password flag. */
    @Override
    public Challenge challenge(StageContext<PasswordConfig> ctx) {
        return StageSupport.withUserInfo(COMPONENT, ctx)
                .field("allow_show_password", ctx.config().allowShowPassword())
                .build();
    }

    /**
     * Checks {@code password}: a missing or empty field is rejected without counting; no pending
     * user denies; a locked-out attempt is rejected as throttled; otherwise proceeds with the
     * verified user, or counts a failed attempt.
     */
    @Override
    public StageResult submit(StageContext<PasswordConfig> ctx, ChallengeResponse response) {
        Optional<ErrorDetail> fieldError = fieldError(response.get(PASSWORD));
        if (fieldError.isPresent()) {
            return StageResult.invalid(ResponseErrors.of(PASSWORD, fieldError.get()));
        }
        if (ctx.pendingUser().isEmpty()) {
            return StageResult.deny(NO_PENDING_USER);
        }
        return check(ctx, response.secret(PASSWORD).orElseThrow(), ctx.pendingDirectoryUser());
    }

    private static StageResult check(StageContext<PasswordConfig> ctx, Secret password, Optional<User> user) {
        PasswordHasher hasher = ctx.service(PasswordHasher.class);
        AttemptLimits limits = AttemptLimits.of(ctx, AttemptLimiter.PASSWORD, StageSupport.pendingUserForDisplay(ctx));
        Optional<Duration> wait = PasswordChecks.throttled(hasher, password, limits);
        if (wait.isPresent()) {
            PasswordChecks.loginFailed(ctx, user.map(User::id).orElse(""));
            return StageResult.invalid(ResponseErrors.of(PASSWORD, AttemptLimits.throttled(wait.get())));
        }
        if (PasswordChecks.verify(ctx, hasher, password, user, limits)) {
            return StageResult.proceed(verified(ctx, user.orElseThrow()));
        }
        return failed(ctx, user);
    }

    /** Validates the raw field like DRF's {@code CharField(trim_whitespace=False)}: only the empty string is blank. */
    private static Optional<ErrorDetail> fieldError(Object raw) {
        if (raw == null) {
            return Optional.of(StageSupport.REQUIRED);
        }
        if (!(raw instanceof String) && !(raw instanceof Secret)) {
            return Optional.of(ErrorDetail.invalid("Not a valid string."));
        }
        boolean empty = raw instanceof Secret secret ? secret.isEmpty() : ((String) raw).isEmpty();
        return empty ? Optional.of(new ErrorDetail("This field may not be blank.", "blank")) : Optional.empty();
    }

    private static ContextUpdate verified(StageContext<PasswordConfig> ctx, User user) {
        return ContextUpdate.of(ContextKeys.PENDING_USER, PendingUser.of(user))
                .andThen(StageSupport.passwordVerified(ctx))
                .remove(failedAttemptsKey(ctx.stageName()));
    }

    private static StageResult failed(StageContext<PasswordConfig> ctx, Optional<User> user) {
        PasswordChecks.loginFailed(ctx, user.map(User::id).orElse(""));
        ContextKey<Integer> key = failedAttemptsKey(ctx.stageName());
        int attempts = ctx.get(key).orElse(0) + 1;
        ContextUpdate update = ContextUpdate.of(key, attempts);
        if (attempts >= ctx.config().failedAttemptsBeforeCancel()) {
            return StageResult.deny(INVALID_PASSWORD, update);
        }
        return StageResult.invalid(ResponseErrors.invalid(PASSWORD, INVALID_PASSWORD), update);
    }
}
