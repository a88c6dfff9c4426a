package dev.flowstage.stages.authenticator.totp;

import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.SecretSealer;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.AuthenticatorUsers;
import dev.flowstage.stages.authenticator.internal.Base32;
import dev.flowstage.stages.authenticator.internal.Devices;
import dev.flowstage.stages.authenticator.internal.ResponseCodes;
import dev.flowstage.stages.authenticator.internal.TotpDevices;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sets up a TOTP authenticator app (authentik's TOTP setup stage): shows an {@code otpauth://}
 * URI ({@code config_url}, usually rendered as a QR code) and stores the device once the user
 * confirms it with a code.
 *
 * <p>On arrival a random seed of the algorithm's recommended length is drawn and kept in the
 * execution context, sealed with the {@link SecretSealer} service (never in plain text) under
 * {@link #seedKey(String)}. The response {@code code} must match within the configured clock skew;
 * otherwise the field error "Code does not match" (code {@code invalid}) re-challenges. The device
 * is stored confirmed with the sealed seed and the accepted time step, so that the confirming code
 * cannot be replayed at sign-in. Without a user that may set up a device (see {@link
 * AuthenticatorUsers#forSetup}) the stage passes through. Needs the {@link
 * dev.flowstage.spi.DeviceStore} and {@link SecretSealer} services. Stateless and thread-safe.
 */
public final class AuthenticatorTotpStage implements Stage<AuthenticatorTotpConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.authenticator_totp";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-authenticator-totp";
    /** The field error for a wrong code. */
    public static final String CODE_DOES_NOT_MATCH = "Code does not match";

    private static final String CODE = "code";

    /** Creates the stage; it holds no state. */
    public AuthenticatorTotpStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, AuthenticatorTotpConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns the context key of the sealed, not yet confirmed seed of the stage named {@code stageName}. */
    public static ContextKey<String> seedKey(String stageName) {
        return ContextKey.of("goauthentik.io/stages/authenticator_totp/" + stageName + "/seed", String.class);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link AuthenticatorTotpConfig}. */
    @Override
    public Class<AuthenticatorTotpConfig> configType() {
        return AuthenticatorTotpConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Sets up a TOTP authenticator app, confirmed with a code";
    }

    /** Returns a problem when the digits are neither 6 nor 8. */
    @Override
    public java.util.List<String> validate(AuthenticatorTotpConfig config) {
        return config.digits() == 6 || config.digits() == 8 ? java.util.List.of()
                : java.util.List.of("digits must be 6 or 8, got " + config.digits());
    }

    /** Passes through without a user to set up; otherwise draws and seals a seed (once) and shows the challenge. */
    @Override
    public StageResult arrive(StageContext<AuthenticatorTotpConfig> ctx) {
        if (AuthenticatorUsers.forSetup(ctx).isEmpty()) {
            return StageResult.proceed();
        }
        if (ctx.get(seedKey(ctx.stageName())).isPresent()) {
            return StageResult.show();
        }
        byte[] seed = new byte[ctx.config().algorithm().keyBytes()];
        ctx.random().nextBytes(seed);
        String sealed = ctx.service(SecretSealer.class).seal(seed);
        Arrays.fill(seed, (byte) 0);
        return StageResult.show(ContextUpdate.of(seedKey(ctx.stageName()), sealed));
    }

    /**
     * Returns the {@value #COMPONENT} challenge with {@code config_url}.
     *
     * @throws IllegalStateException when the stage did not arrive (no seed in the context)
     */
    @Override
    public Challenge challenge(StageContext<AuthenticatorTotpConfig> ctx) {
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        String sealed = ctx.get(seedKey(ctx.stageName()))
                .orElseThrow(() -> new IllegalStateException("TOTP stage '" + ctx.stageName() + "' has no seed"));
        byte[] seed = ctx.service(SecretSealer.class).open(sealed);
        String url = configUrl(ctx.config(), user.map(User::username).orElse(""), Base32.encode(seed));
        Arrays.fill(seed, (byte) 0);
        return AuthenticatorUsers.withUserInfo(COMPONENT, ctx, user).field("config_url", url).build();
    }

    /** Checks {@code code} against the pending seed; stores the device and proceeds when it matches. */
    @Override
    public StageResult submit(StageContext<AuthenticatorTotpConfig> ctx, ChallengeResponse response) {
        Optional<ErrorDetail> missing = ResponseCodes.problem(response, CODE);
        if (missing.isPresent()) {
            return StageResult.invalid(ResponseErrors.of(CODE, missing.get()));
        }
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        Optional<String> sealed = ctx.get(seedKey(ctx.stageName()));
        if (user.isEmpty() || sealed.isEmpty()) {
            return StageResult.proceed(ContextUpdate.none().remove(seedKey(ctx.stageName())));
        }
        OptionalLong step = matchingStep(ctx, sealed.get(), ResponseCodes.code(response, CODE).orElseThrow());
        if (step.isEmpty()) {
            return StageResult.invalid(ResponseErrors.invalid(CODE, CODE_DOES_NOT_MATCH));
        }
        AuthenticatorTotpConfig config = ctx.config();
        Devices.insert(ctx, Devices.randomId(ctx), user.get(), DeviceKind.TOTP, config.friendlyName(),
                TotpDevices.data(sealed.get(), config.algorithm(), config.digits(), config.period(), config.tolerance(),
                        step.getAsLong()));
        return StageResult.proceed(ContextUpdate.none().remove(seedKey(ctx.stageName())));
    }

    /**
     * Returns the {@code otpauth://totp/} URI of {@code config} for the account {@code username}
     * and the base32 secret: label {@code issuer:username}, then {@code secret}, {@code algorithm},
     * {@code digits}, {@code period} and {@code issuer} parameters, percent-encoded.
     */
    public static String configUrl(AuthenticatorTotpConfig config, String username, String base32Secret) {
        String issuer = encode(config.issuer());
        return "otpauth://totp/" + issuer + ":" + encode(username) + "?secret=" + base32Secret
                + "&algorithm=" + config.algorithm().wireName() + "&digits=" + config.digits()
                + "&period=" + config.period() + "&issuer=" + issuer;
    }

    private static OptionalLong matchingStep(StageContext<AuthenticatorTotpConfig> ctx, String sealed, Secret code) {
        Optional<String> digits = TotpDevices.normalise(code);
        AuthenticatorTotpConfig config = ctx.config();
        if (digits.isEmpty() || digits.get().length() != config.digits()) {
            return OptionalLong.empty();
        }
        Totp totp = new Totp(config.algorithm(), config.digits(), config.period());
        byte[] seed = ctx.service(SecretSealer.class).open(sealed);
        try {
            return totp.match(seed, digits.get(), totp.step(ctx.clock().instant()), config.tolerance(), Long.MIN_VALUE);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
