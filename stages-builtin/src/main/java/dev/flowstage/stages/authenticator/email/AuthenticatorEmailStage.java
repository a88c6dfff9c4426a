package dev.flowstage.stages.authenticator.email;

import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.AuthenticatorUsers;
import dev.flowstage.stages.authenticator.internal.Devices;
import dev.flowstage.stages.authenticator.internal.EmailCodes;
import dev.flowstage.stages.authenticator.internal.ResponseCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets up sign-in codes by email (authentik's email authenticator setup stage): confirms an address
 * with a six-digit code mailed through the {@link dev.flowstage.spi.Mailer} service, then stores
 * it as a device.
 *
 * <p>A user with an email address gets the code at once ({@code email} shows the address masked,
 * {@code email_required} false); a user without one posts {@code email} first. The response
 * {@code code} must match the last code mailed, before it expires ({@code codeValidity}); a wrong or
 * expired code gets "Code does not match", and {@code failedAttemptsBeforeCancel} wrong codes deny
 * the execution. Only a salted hash and the expiry of the code are kept in the context (under
 * {@link #codeKey(String)}); see {@code EmailCodes} for what that protects. Without a user that
 * may set up a device the stage passes through. Needs the {@link dev.flowstage.spi.DeviceStore}
 * and {@link dev.flowstage.spi.Mailer} services. Stateless and thread-safe.
 */
public final class AuthenticatorEmailStage implements Stage<AuthenticatorEmailConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.authenticator_email";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-authenticator-email";
    /** The field error for a wrong or expired code. */
    public static final String CODE_DOES_NOT_MATCH = "Code does not match";
    /** The error when the mailer failed. */
    public static final String SEND_FAILED = "Failed to send email.";
    /** The error once the execution requested too many mails. */
    public static final String TOO_MANY_SENDS = "Too many codes were requested.";
    /** The denial once the wrong codes reach the limit. */
    public static final String TOO_MANY_ATTEMPTS = "Too many failed attempts.";
    /** The field error for an address that is not one. */
    public static final String INVALID_EMAIL = "Enter a valid email address.";

    private static final String CODE = "code";
    private static final String EMAIL = "email";

    /** Creates the stage; it holds no state. */
    public AuthenticatorEmailStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, AuthenticatorEmailConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns the context key of the mailed code's state (address, salted hash, expiry, attempts, mails). */
    public static ContextKey<Map<String, Object>> codeKey(String stageName) {
        return ContextKey.of("goauthentik.io/stages/authenticator_email/" + stageName + "/code", ContextKeys.mapType());
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link AuthenticatorEmailConfig}. */
    @Override
    public Class<AuthenticatorEmailConfig> configType() {
        return AuthenticatorEmailConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Confirms an email address with a mailed code for sign-in codes";
    }

    /** Returns a problem when the code validity is not positive. */
    @Override
    public List<String> validate(AuthenticatorEmailConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.codeValidity() != null && (config.codeValidity().isZero() || config.codeValidity().isNegative())) {
            problems.add("code_validity must be positive, got " + config.codeValidity());
        }
        return problems;
    }

    /** Passes through without a user to set up; mails a code at once when the user has an address. */
    @Override
    public StageResult arrive(StageContext<AuthenticatorEmailConfig> ctx) {
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        if (user.isEmpty()) {
            return StageResult.proceed();
        }
        if (ctx.get(codeKey(ctx.stageName())).isPresent() || user.get().email().isBlank()) {
            return StageResult.show();
        }
        return send(ctx, user.get().email());
    }

    /** Returns the {@value #COMPONENT} challenge: the masked address (or null) and whether one must be entered. */
    @Override
    public Challenge challenge(StageContext<AuthenticatorEmailConfig> ctx) {
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        Optional<String> address = ctx.get(codeKey(ctx.stageName())).map(state -> Devices.string(state, EmailCodes.ADDRESS))
                .or(() -> user.map(User::email).filter(email -> !email.isBlank()));
        return AuthenticatorUsers.withUserInfo(COMPONENT, ctx, user)
                .field(EMAIL, address.map(EmailCodes::mask).orElse(null))
                .field("email_required", address.isEmpty())
                .build();
    }

    /** Checks {@code code}, or mails a code to the posted {@code email}; stores the device when the code matches. */
    @Override
    public StageResult submit(StageContext<AuthenticatorEmailConfig> ctx, ChallengeResponse response) {
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        if (user.isEmpty()) {
            return StageResult.proceed(ContextUpdate.none().remove(codeKey(ctx.stageName())));
        }
        if (response.get(CODE) != null) {
            Optional<ErrorDetail> problem = ResponseCodes.problem(response, CODE);
            return problem.isPresent() ? StageResult.invalid(ResponseErrors.of(CODE, problem.get())) : confirm(ctx, user.get(), response);
        }
        if (!user.get().email().isBlank()) {
            return send(ctx, user.get().email());
        }
        Optional<String> email = response.string(EMAIL).map(String::trim);
        if (email.isEmpty()) {
            return StageResult.invalid(ResponseErrors.of(CODE, dev.flowstage.stages.internal.StageSupport.REQUIRED));
        }
        return EmailCodes.plausible(email.get()) ? send(ctx, email.get())
                : StageResult.invalid(ResponseErrors.invalid(EMAIL, INVALID_EMAIL));
    }

    private static StageResult confirm(StageContext<AuthenticatorEmailConfig> ctx, User user, ChallengeResponse response) {
        Optional<Map<String, Object>> state = ctx.get(codeKey(ctx.stageName()));
        if (state.isPresent() && EmailCodes.matches(state.get(), ResponseCodes.code(response, CODE).orElseThrow(),
                ctx.clock().instant())) {
            AuthenticatorEmailConfig config = ctx.config();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(EmailCodes.ADDRESS, Devices.string(state.get(), EmailCodes.ADDRESS));
            data.put("subject", config.subject());
            data.put("code_validity", config.codeValidity().toSeconds());
            Devices.insert(ctx, Devices.randomId(ctx), user, DeviceKind.EMAIL, config.friendlyName(), data);
            return StageResult.proceed(ContextUpdate.none().remove(codeKey(ctx.stageName())));
        }
        ctx.publish(new FlowEvent.LoginFailed(ctx.clock().instant(), ctx.executionId(), ctx.flowSlug(), ctx.stageName(),
                user.id()));
        Map<String, Object> next = new LinkedHashMap<>(state.orElse(Map.of()));
        long attempts = Devices.longValue(next, "attempts", 0) + 1;
        next.put("attempts", attempts);
        ContextUpdate update = ContextUpdate.of(codeKey(ctx.stageName()), next);
        if (attempts >= ctx.config().failedAttemptsBeforeCancel()) {
            return StageResult.deny(TOO_MANY_ATTEMPTS, update);
        }
        return StageResult.invalid(ResponseErrors.invalid(CODE, CODE_DOES_NOT_MATCH), update);
    }

    private static StageResult send(StageContext<AuthenticatorEmailConfig> ctx, String address) {
        Map<String, Object> previous = ctx.get(codeKey(ctx.stageName())).orElse(Map.of());
        long sent = Devices.longValue(previous, "sent", 0);
        if (sent >= ctx.config().failedAttemptsBeforeCancel()) {
            return StageResult.invalid(ResponseErrors.nonField(TOO_MANY_SENDS, "invalid"));
        }
        Optional<Map<String, Object>> state = EmailCodes.send(ctx, address, ctx.config().subject(), ctx.config().codeValidity());
        if (state.isEmpty()) {
            return StageResult.invalid(ResponseErrors.nonField(SEND_FAILED, "invalid"));
        }
        Map<String, Object> next = new LinkedHashMap<>(state.get());
        next.put("sent", sent + 1);
        next.put("attempts", Devices.longValue(previous, "attempts", 0));
        return StageResult.show(ContextUpdate.of(codeKey(ctx.stageName()), next));
    }
}
