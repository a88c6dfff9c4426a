package dev.flowstage.stages.authenticator.staticcodes;

import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.SecretSealer;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.AuthenticatorUsers;
import dev.flowstage.stages.authenticator.internal.Devices;
import dev.flowstage.stages.authenticator.internal.StaticCodes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sets up static recovery codes (authentik's static setup stage): shows {@code tokenCount} random
 * codes once ({@code codes}) and stores them, hashed, when the user posts anything back.
 *
 * <p>The codes are drawn once per execution on arrival and kept in the context sealed with the
 * {@link SecretSealer} service under {@link #codesKey(String)} until they are confirmed, so a
 * re-rendered challenge shows the same codes and the execution store never holds them in plain
 * text. The device stores only SHA-256 hashes (see {@link StaticCodes} for why that suffices);
 * each code signs in once. Without a user that may set up a device the stage passes through.
 * Needs the {@link dev.flowstage.spi.DeviceStore} and {@link SecretSealer} services. Stateless and
 * thread-safe.
 */
public final class AuthenticatorStaticStage implements Stage<AuthenticatorStaticConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.authenticator_static";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-authenticator-static";

    /** Creates the stage; it holds no state. */
    public AuthenticatorStaticStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, AuthenticatorStaticConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns the context key of the sealed, not yet confirmed codes of the stage named {@code stageName}. */
    public static ContextKey<String> codesKey(String stageName) {
        return ContextKey.of("goauthentik.io/stages/authenticator_static/" + stageName + "/codes", String.class);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link AuthenticatorStaticConfig}. */
    @Override
    public Class<AuthenticatorStaticConfig> configType() {
        return AuthenticatorStaticConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Shows single-use recovery codes once and stores them hashed";
    }

    /** Passes through without a user to set up; otherwise draws and seals the codes (once) and shows them. */
    @Override
    public StageResult arrive(StageContext<AuthenticatorStaticConfig> ctx) {
        if (AuthenticatorUsers.forSetup(ctx).isEmpty()) {
            return StageResult.proceed();
        }
        if (ctx.get(codesKey(ctx.stageName())).isPresent()) {
            return StageResult.show();
        }
        List<String> codes = StaticCodes.generate(ctx.random(), ctx.config().tokenCount(), ctx.config().tokenLength());
        byte[] plain = String.join(" ", codes).getBytes(StandardCharsets.UTF_8);
        String sealed = ctx.service(SecretSealer.class).seal(plain);
        Arrays.fill(plain, (byte) 0);
        return StageResult.show(ContextUpdate.of(codesKey(ctx.stageName()), sealed));
    }

    /**
     * Returns the {@value #COMPONENT} challenge with the {@code codes}.
     *
     * @throws IllegalStateException when the stage did not arrive (no codes in the context)
     */
    @Override
    public Challenge challenge(StageContext<AuthenticatorStaticConfig> ctx) {
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        return AuthenticatorUsers.withUserInfo(COMPONENT, ctx, user).field("codes", codes(ctx)).build();
    }

    /** Stores the shown codes, hashed, as a confirmed device and proceeds; any response confirms. */
    @Override
    public StageResult submit(StageContext<AuthenticatorStaticConfig> ctx, ChallengeResponse response) {
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        ContextUpdate clear = ContextUpdate.none().remove(codesKey(ctx.stageName()));
        if (user.isEmpty() || ctx.get(codesKey(ctx.stageName())).isEmpty()) {
            return StageResult.proceed(clear);
        }
        Devices.insert(ctx, Devices.randomId(ctx), user.get(), DeviceKind.STATIC, ctx.config().friendlyName(),
                StaticCodes.data(codes(ctx)));
        return StageResult.proceed(clear);
    }

    private static List<String> codes(StageContext<AuthenticatorStaticConfig> ctx) {
        String sealed = ctx.get(codesKey(ctx.stageName()))
                .orElseThrow(() -> new IllegalStateException("static stage '" + ctx.stageName() + "' has no codes"));
        String plain = new String(ctx.service(SecretSealer.class).open(sealed), StandardCharsets.UTF_8);
        return List.of(plain.split(" "));
    }
}
