package dev.flowstage.stages.authenticator.validate;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.AuthenticatorUsers;
import dev.flowstage.stages.authenticator.internal.Devices;
import dev.flowstage.stages.authenticator.internal.ResponseCodes;
import dev.flowstage.stages.authenticator.internal.WebAuthnCeremonies;
import dev.flowstage.stages.internal.AttemptLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Verifies a second factor of the pending user (authentik's authenticator validation stage).
 *
 * <p>The challenge lists one {@code device_challenges} entry per allowed device class (for the
 * class's oldest device). The response carries one of:
 * <ul>
 *   <li>{@code code}: checked against the user's TOTP devices (within each device's clock skew,
 *       only from a time step later than the last accepted one), then static codes (consumed),
 *       then codes mailed in this execution to email devices; every acceptance is an atomic
 *       replace in the {@link dev.flowstage.spi.DeviceStore}, so a code never works twice;</li>
 *   <li>{@code webauthn}: an assertion for one of the user's credentials, verified with
 *       webauthn4j against this execution's challenge (signature, origin, relying party, counter,
 *       user verification when required);</li>
 *   <li>{@code selected_challenge}: picks a device; for an email device, mails a code;</li>
 *   <li>{@code selected_stage}: with {@link NotConfiguredAction#CONFIGURE}, picks a configuration flow.</li>
 * </ul>
 * A wrong code gets "Invalid Token. Please ensure the time on your device is accurate and try
 * again." (field {@code code}); a failed assertion "Assertion failed", an unknown credential
 * "Invalid device" (field {@code webauthn}). Each failure counts against the devices it was
 * checked against; when one device reaches {@code failedAttemptsBeforeCancel} in this execution,
 * the execution is denied. On success: {@code auth_method} becomes {@code auth_mfa} unless already
 * set, the device is appended to {@code auth_method_args.mfa_devices}, the stage's name to
 * {@code verified_credentials}, and the device's last use is recorded.
 *
 * <p><b>Across executions</b>, the host's {@link AttemptLimiter} service, when registered, counts
 * every failed code or assertion under the user's id and under the client address (factor
 * {@value AttemptLimiter#MFA}). While either is locked out, a code or assertion is answered "Too
 * many failed attempts. Please try again in N seconds." (code {@code throttled}, on the
 * {@code code} or {@code webauthn} field) without being checked or consumed, and nothing is
 * counted; a success clears the user's count.
 *
 * <p>The user is the pending user, or without one the signed-in requester (step-up); with neither
 * the stage passes through. A pretend user has no devices. WebAuthn passwordless sign-in (no
 * pending user) is not offered. Needs the {@link dev.flowstage.spi.DeviceStore} service, plus the
 * {@link dev.flowstage.spi.SecretSealer} for TOTP devices and the {@link dev.flowstage.spi.Mailer}
 * for email devices. Stateless and thread-safe.
 */
public final class AuthenticatorValidateStage implements Stage<AuthenticatorValidateConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.authenticator_validate";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-authenticator-validate";
    /** The error for a code that matches no device. */
    public static final String INVALID_TOKEN =
            "Invalid Token. Please ensure the time on your device is accurate and try again.";
    /** The denial for a user without an allowed device (deny, or configure without flows). */
    public static final String NOT_CONFIGURED = "No (allowed) MFA authenticator configured.";
    /** The denial once a device's failed attempts reach the limit. */
    public static final String TOO_MANY_ATTEMPTS = "Too many failed attempts.";
    /** The error for an assertion that does not verify. */
    public static final String ASSERTION_FAILED = "Assertion failed";
    /** The error for an assertion of a credential the user does not have. */
    public static final String INVALID_DEVICE = "Invalid device";
    /** The error for a response with no factor. */
    public static final String EMPTY_RESPONSE = "Empty response";
    /** The error for a selected device class that is not offered. */
    public static final String NO_COMPATIBLE_DEVICE = "No compatible device class allowed";
    /** The error for a selected configuration flow that is not offered. */
    public static final String INVALID_STAGE = "Invalid stage selected";

    static final String CODE = "code";
    static final String WEBAUTHN = "webauthn";
    static final String SELECTED_CHALLENGE = "selected_challenge";

    /** Creates the stage; it holds no state. */
    public AuthenticatorValidateStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, AuthenticatorValidateConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link AuthenticatorValidateConfig}. */
    @Override
    public Class<AuthenticatorValidateConfig> configType() {
        return AuthenticatorValidateConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Verifies a second factor: TOTP, static code, WebAuthn or emailed code";
    }

    /** Returns the problems beyond Bean Validation: configure without flows, a negative threshold, bad origins. */
    @Override
    public List<String> validate(AuthenticatorValidateConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.notConfiguredAction() == NotConfiguredAction.CONFIGURE && config.configurationStages() != null
                && config.configurationStages().isEmpty()) {
            problems.add("configuration_stages must name at least one flow when not_configured_action is configure");
        }
        if (config.lastAuthThreshold() != null && config.lastAuthThreshold().isNegative()) {
            problems.add("last_auth_threshold must not be negative, got " + config.lastAuthThreshold());
        }
        if (config.webauthnOrigins() != null) {
            config.webauthnOrigins().stream().filter(origin -> origin != null && !WebAuthnCeremonies.validOrigin(origin))
                    .forEach(origin -> problems.add("webauthn_origins: '" + origin + "' is not an https origin"));
        }
        return problems;
    }

    /**
     * Passes through with no user to verify or a device used within the threshold; applies the
     * not-configured action when the user has no allowed device; otherwise shows the challenge.
     */
    @Override
    public StageResult arrive(StageContext<AuthenticatorValidateConfig> ctx) {
        Optional<User> user = AuthenticatorUsers.forValidation(ctx);
        if (user.isEmpty() && !AuthenticatorUsers.pretendPending(ctx)) {
            return StageResult.proceed();
        }
        List<AuthenticatorDevice> devices = devices(ctx, user);
        if (usedRecently(ctx, devices)) {
            return StageResult.proceed();
        }
        ContextUpdate challenge = webauthnAllowed(ctx) ? ValidateState.freshWebAuthnChallenge(ctx) : ContextUpdate.none();
        if (devices.isEmpty()) {
            StageResult result = NotConfigured.arrive(ctx);
            return result instanceof StageResult.Show ? StageResult.show(challenge) : result;
        }
        return StageResult.show(challenge);
    }

    /** Returns the {@value #COMPONENT} challenge, or for configure without devices a redirect or flow list. */
    @Override
    public Challenge challenge(StageContext<AuthenticatorValidateConfig> ctx) {
        Optional<User> user = AuthenticatorUsers.forValidation(ctx);
        List<AuthenticatorDevice> devices = devices(ctx, user);
        if (devices.isEmpty()) {
            return NotConfigured.challenge(ctx, user);
        }
        return AuthenticatorUsers.withUserInfo(COMPONENT, ctx, user)
                .field("device_challenges", DeviceChallenges.of(ctx, devices))
                .field("configuration_stages", List.of())
                .build();
    }

    /** Verifies {@code code} or {@code webauthn}, handles {@code selected_challenge}; see the class comment. */
    @Override
    public StageResult submit(StageContext<AuthenticatorValidateConfig> ctx, ChallengeResponse response) {
        Optional<User> user = AuthenticatorUsers.forValidation(ctx);
        List<AuthenticatorDevice> devices = devices(ctx, user);
        if (devices.isEmpty()) {
            return NotConfigured.submit(ctx, response);
        }
        String userId = user.map(User::id).orElse("");
        if (response.has(CODE)) {
            Optional<ErrorDetail> problem = ResponseCodes.problem(response, CODE);
            return problem.isPresent() ? StageResult.invalid(ResponseErrors.of(CODE, problem.get()))
                    : limited(ctx, userId, CODE,
                            () -> CodeFactor.verify(ctx, userId, devices, ResponseCodes.code(response, CODE).orElseThrow()));
        }
        if (response.get(WEBAUTHN) instanceof Map<?, ?> assertion) {
            return limited(ctx, userId, WEBAUTHN, () -> WebAuthnFactor.verify(ctx, userId, devices, assertion));
        }
        if (response.has(SELECTED_CHALLENGE)) {
            return CodeFactor.select(ctx, devices, response.get(SELECTED_CHALLENGE));
        }
        if (response.has(NotConfigured.SELECTED_STAGE)) {
            return StageResult.invalid(ResponseErrors.invalid(NotConfigured.SELECTED_STAGE, INVALID_STAGE));
        }
        return StageResult.invalid(ResponseErrors.nonField(EMPTY_RESPONSE, "invalid"));
    }

    /**
     * Runs {@code verify} unless the attempt limiter locks the user or the client out, then records
     * its outcome; a locked-out attempt is rejected on {@code field} (an assertion also rotates the
     * WebAuthn challenge, as every rejected assertion does).
     */
    private static StageResult limited(StageContext<AuthenticatorValidateConfig> ctx, String userId, String field,
            Supplier<StageResult> verify) {
        AttemptLimits limits = AttemptLimits.of(ctx, AttemptLimiter.MFA, userId);
        Optional<Duration> wait = limits.lockedFor();
        if (wait.isPresent()) {
            ValidateState.loginFailed(ctx, userId);
            ContextUpdate rotate = field.equals(WEBAUTHN) ? ValidateState.freshWebAuthnChallenge(ctx) : ContextUpdate.none();
            return StageResult.invalid(ResponseErrors.of(field, AttemptLimits.throttled(wait.get())), rotate);
        }
        StageResult result = verify.get();
        limits.record(result instanceof StageResult.Proceed);
        return result;
    }

    private static List<AuthenticatorDevice> devices(StageContext<AuthenticatorValidateConfig> ctx, Optional<User> user) {
        return user.map(found -> Devices.confirmed(ctx, found, ctx.config().deviceClasses())).orElse(List.of());
    }

    private static boolean webauthnAllowed(StageContext<AuthenticatorValidateConfig> ctx) {
        return ctx.config().deviceClasses().contains(DeviceKind.WEBAUTHN);
    }

    /**
     * Returns whether a device was used within the threshold. Only a requester already signed in as
     * the pending user (a step-up) may skip: a recent use by some other client proves nothing about
     * this one, so an anonymous sign-in always gets the challenge.
     */
    private static boolean usedRecently(StageContext<AuthenticatorValidateConfig> ctx, List<AuthenticatorDevice> devices) {
        if (ctx.config().lastAuthThreshold().isZero() || ctx.config().lastAuthThreshold().isNegative()) {
            return false;
        }
        String pending = ctx.pendingUser().map(dev.flowstage.api.PendingUser::id).orElse(null);
        if (pending == null || !ctx.request().authenticatedUser().filter(pending::equals).isPresent()) {
            return false;
        }
        Instant since = ctx.clock().instant().minus(ctx.config().lastAuthThreshold());
        return devices.stream().anyMatch(device -> device.lastUsedAt().filter(used -> !used.isBefore(since)).isPresent());
    }
}
