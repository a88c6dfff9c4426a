package dev.flowstage.stages.consent;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.Secret;
import dev.flowstage.api.UserConsent;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ConsentStore;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.internal.StageSupport;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks the user to consent to an application and its permissions (authentik's consent stage,
 * {@value #COMPONENT}), and remembers the consent in the {@link ConsentStore} service.
 *
 * <p>The application is {@link ContextKeys#APPLICATION}; the permissions are {@link #PERMISSIONS}
 * (absent: none) and the optional header is {@link #HEADER}. The consenting user is the pending
 * user, else the signed-in requester; with neither the stage denies with {@value #NO_PENDING_USER}.
 *
 * <p>On arrival the stage always prompts when its mode is {@link ConsentMode#ALWAYS_REQUIRE}, when
 * the context has no application, or for identification's pretend user. Otherwise it looks up the
 * user's consent to the application: one that has not expired and whose permission ids equal the
 * requested ones lets the stage proceed without a prompt; one with other permissions prompts with
 * the already granted ones in {@code permissions} and the new ones in {@code additional_permissions};
 * none (or an expired one) prompts with all of them in {@code permissions}.
 *
 * <p>Every arrival that prompts draws a fresh random {@code token} for the challenge and keeps it in
 * the context. A response must post it back: a missing, blank or non-text one is a field error on
 * {@code token}, a different one (compared in constant time) re-shows the prompt with the
 * non-field error {@value #INVALID_TOKEN}. On a valid response the stage saves the consent to
 * the requested permissions, unless the mode is {@code always_require}, there is no application
 * or the user is a pretend user: {@link ConsentMode#PERMANENT} without expiry,
 * {@link ConsentMode#EXPIRING} until now plus {@code consentExpireIn}; then it proceeds. The
 * {@code ConsentStore} service is needed unless the mode is {@code always_require}. Stateless and
 * thread-safe.
 */
public final class ConsentStage implements Stage<ConsentConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.consent";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-consent";
    /**
     * The permissions asked for (authentik's {@code consent_permissions}): a list of {@code {"id":
     * .., "name": ..}} objects, such as {@link ConsentPermission#toContextValue} returns.
     */
    public static final ContextKey<List<Map<String, Object>>> PERMISSIONS =
            ContextKey.of("consent_permissions", listOfObjects());
    /** The text shown above the permissions (authentik's {@code consent_header}). */
    public static final ContextKey<String> HEADER = ContextKey.of("consent_header", String.class);
    /** The denial when nobody is there to consent. */
    public static final String NO_PENDING_USER = "No pending user.";
    /** The non-field error for a token that is not the one of the current prompt. */
    public static final String INVALID_TOKEN = "Invalid consent token, re-showing prompt";

    /** The current prompt's token (authentik keeps it in the session under this name). */
    static final ContextKey<String> TOKEN = ContextKey.of("goauthentik.io/stages/consent/token", String.class);
    /** The ids of the requested permissions that the stored consent lacks, when it lacks some. */
    static final ContextKey<List<String>> ADDITIONAL =
            ContextKey.of("goauthentik.io/stages/consent/additional_permissions", ContextKeys.listType());

    private static final String TOKEN_FIELD = "token";
    private static final ErrorDetail BLANK = new ErrorDetail("This field may not be blank.", "blank");

    /** Creates the stage; it holds no state. */
    public ConsentStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, ConsentConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /**
     * Returns a context update asking consent to {@code application} for {@code permissions}: sets
     * {@link ContextKeys#APPLICATION} and {@link #PERMISSIONS}. For a host's own stage that runs
     * before the consent stage, as authentik's OAuth provider does when it plans the authorization flow.
     */
    public static ContextUpdate requestConsent(String application, List<ConsentPermission> permissions) {
        return ContextUpdate.of(ContextKeys.APPLICATION, application)
                .put(PERMISSIONS, ConsentPermission.toContextValue(permissions));
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link ConsentConfig}. */
    @Override
    public Class<ConsentConfig> configType() {
        return ConsentConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Asks the user to consent to an application and its permissions, and remembers the consent";
    }

    /** Returns a problem when an expiring consent would not last a positive time (null values are Bean Validation's). */
    @Override
    public List<String> validate(ConsentConfig config) {
        Duration expireIn = config.consentExpireIn();
        if (config.mode() == ConsentMode.EXPIRING && expireIn != null && (expireIn.isNegative() || expireIn.isZero())) {
            return List.of("consent_expire_in must be positive in mode expiring, got " + expireIn);
        }
        return List.of();
    }

    /** Denies without a user, proceeds when a matching consent is remembered, and otherwise prompts with a fresh token. */
    @Override
    public StageResult arrive(StageContext<ConsentConfig> ctx) {
        Optional<Consenter> consenter = Consenter.of(ctx);
        if (consenter.isEmpty()) {
            return StageResult.deny(NO_PENDING_USER, finished());
        }
        ContextUpdate prompt = ContextUpdate.of(TOKEN, newToken(ctx.random())).remove(ADDITIONAL);
        Optional<String> application = rememberedFor(ctx, consenter.get());
        if (application.isEmpty()) {
            return StageResult.show(prompt);
        }
        Optional<UserConsent> stored = ctx.service(ConsentStore.class).find(consenter.get().userId(), application.get())
                .filter(consent -> !consent.expiredAt(ctx.clock().instant()));
        return stored.map(consent -> compare(ctx, consent, prompt)).orElseGet(() -> StageResult.show(prompt));
    }

    /** Proceeds when {@code consent} covers exactly the requested permissions; else prompts for the ones it lacks. */
    private static StageResult compare(StageContext<ConsentConfig> ctx, UserConsent consent, ContextUpdate prompt) {
        List<ConsentPermission> requested = RequestedPermissions.of(ctx.context());
        if (consent.permissions().equals(RequestedPermissions.ids(requested))) {
            return StageResult.proceed(finished());
        }
        List<String> additional = requested.stream().map(ConsentPermission::id)
                .filter(id -> !consent.permissions().contains(id)).toList();
        return StageResult.show(prompt.put(ADDITIONAL, additional));
    }

    /**
     * Returns the {@value #COMPONENT} challenge: {@code pending_user}, {@code pending_user_avatar},
     * {@code header_text} (when {@link #HEADER} is set), {@code permissions},
     * {@code additional_permissions} and {@code token}.
     *
     * @throws IllegalStateException when the stage did not arrive (no token in the context), or
     *     {@link #PERMISSIONS} holds something other than permissions
     */
    @Override
    public Challenge challenge(StageContext<ConsentConfig> ctx) {
        String token = ctx.get(TOKEN).orElseThrow(
                () -> new IllegalStateException("consent stage '" + ctx.stageName() + "' has no token"));
        List<ConsentPermission> requested = RequestedPermissions.of(ctx.context());
        Set<String> additional = Set.copyOf(ctx.get(ADDITIONAL).orElse(List.of()));
        return Challenge.builder(COMPONENT)
                .field("pending_user", displayedUser(ctx))
                .field("pending_user_avatar", StageSupport.DEFAULT_AVATAR)
                .optionalField("header_text", ctx.get(HEADER).orElse(null))
                .field("permissions", RequestedPermissions.select(requested, additional, false))
                .field("additional_permissions", RequestedPermissions.select(requested, additional, true))
                .field(TOKEN_FIELD, token)
                .build();
    }

    /** Checks the token; on a match remembers the consent (as the mode says) and proceeds. */
    @Override
    public StageResult submit(StageContext<ConsentConfig> ctx, ChallengeResponse response) {
        Optional<ErrorDetail> problem = tokenProblem(response);
        if (problem.isPresent()) {
            return StageResult.invalid(ResponseErrors.of(TOKEN_FIELD, problem.get()));
        }
        if (!tokenMatches(ctx, response.secret(TOKEN_FIELD).orElseThrow())) {
            return StageResult.invalid(ResponseErrors.nonField(INVALID_TOKEN, "invalid"));
        }
        Optional<Consenter> consenter = Consenter.of(ctx);
        if (consenter.isEmpty()) {
            return StageResult.deny(NO_PENDING_USER, finished());
        }
        rememberedFor(ctx, consenter.get()).ifPresent(application -> save(ctx, consenter.get(), application));
        return StageResult.proceed(finished());
    }

    /** Returns the application whose consent is looked up and saved; empty when the stage always prompts. */
    private static Optional<String> rememberedFor(StageContext<ConsentConfig> ctx, Consenter consenter) {
        if (ctx.config().mode() == ConsentMode.ALWAYS_REQUIRE || consenter.pretend()) {
            return Optional.empty();
        }
        return ctx.get(ContextKeys.APPLICATION).filter(application -> !application.isBlank());
    }

    private static void save(StageContext<ConsentConfig> ctx, Consenter consenter, String application) {
        ConsentConfig config = ctx.config();
        Instant expires =
                config.mode() == ConsentMode.EXPIRING ? ctx.clock().instant().plus(config.consentExpireIn()) : null;
        Set<String> permissions = RequestedPermissions.ids(RequestedPermissions.of(ctx.context()));
        ctx.service(ConsentStore.class).save(new UserConsent(consenter.userId(), application, permissions, expires));
    }

    /** Returns whether {@code given} is the current prompt's token, compared in constant time. */
    private static boolean tokenMatches(StageContext<ConsentConfig> ctx, Secret given) {
        return ctx.get(TOKEN).map(Secret::of).filter(given::equals).isPresent();
    }

    /** Returns DRF's error for a missing, non-text or blank {@code token}; empty when it holds text. */
    private static Optional<ErrorDetail> tokenProblem(ChallengeResponse response) {
        if (response.get(TOKEN_FIELD) == null) {
            return Optional.of(StageSupport.REQUIRED);
        }
        Optional<Secret> token = response.secret(TOKEN_FIELD);
        if (token.isEmpty()) {
            return Optional.of(ErrorDetail.invalid("Not a valid string."));
        }
        return token.get().reveal().isBlank() ? Optional.of(BLANK) : Optional.empty();
    }

    private static String displayedUser(StageContext<ConsentConfig> ctx) {
        String display = StageSupport.pendingUserForDisplay(ctx);
        return display.isEmpty() ? Consenter.of(ctx).map(Consenter::username).orElse("") : display;
    }

    /** Returns the update that drops this stage's prompt state. */
    private static ContextUpdate finished() {
        return ContextUpdate.none().remove(TOKEN).remove(ADDITIONAL);
    }

    /** Returns a random (version 4) UUID drawn from {@code random}, like authentik's consent tokens. */
    private static String newToken(SecureRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    @SuppressWarnings("unchecked")
    private static Class<List<Map<String, Object>>> listOfObjects() {
        return (Class<List<Map<String, Object>>>) (Class<?>) List.class;
    }
}
