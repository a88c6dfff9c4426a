package dev.flowstage.samples.host;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * authentik's consent stage in its {@code always_require} mode, for the demo's explicit-consent
 * authorization flow: shows {@code ak-stage-consent} naming the application the user is about to
 * open, and proceeds when the client posts back the challenge's one-time {@code token}. The
 * application comes from the flow query's {@code application} slug and is shown only when the host
 * knows it. Stateless and thread-safe.
 */
final class ConsentStage implements Stage<ConsentStage.Config> {
    static final String TYPE = "host.consent";
    static final String COMPONENT = "ak-stage-consent";
    static final String INVALID_TOKEN = "Invalid consent token, re-showing prompt";
    static final ContextKey<String> TOKEN = ContextKey.of("host_consent_token", String.class);
    private static final String AVATAR = "/static/dist/assets/images/user_default.png";

    /**
     * What the user consents to.
     *
     * @param permissions the permissions listed, each shown by name
     */
    record Config(@NotNull List<String> permissions) {
        Config {
            permissions = List.copyOf(permissions);
        }
    }

    private final Function<String, Optional<String>> applicationNames;

    /** Creates the stage; {@code applicationNames} maps an application slug to its name. */
    ConsentStage(Function<String, Optional<String>> applicationNames) {
        this.applicationNames = applicationNames;
    }

    @Override
    public String typeId() {
        return TYPE;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public String description() {
        return "Asks the user to consent before an application opens";
    }

    @Override
    public Set<ContextKey<?>> contextKeys() {
        return Set.of(TOKEN);
    }

    /** Issues the one-time token and notes the application's name for the flow title. */
    @Override
    public StageResult arrive(StageContext<Config> ctx) {
        byte[] bytes = new byte[24];
        ctx.random().nextBytes(bytes);
        ContextUpdate update = ContextUpdate.of(TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        Optional<String> application = application(ctx);
        return StageResult.show(application.isPresent() ? update.put(ContextKeys.APPLICATION, application.get()) : update);
    }

    @Override
    public Challenge challenge(StageContext<Config> ctx) {
        String app = application(ctx).orElse("this application");
        return Challenge.builder(COMPONENT)
                .field("pending_user", username(ctx))
                .field("pending_user_avatar", AVATAR)
                .field("header_text", app + " would like to know who you are.")
                .field("permissions", ctx.config().permissions().stream()
                        .map(permission -> Map.of("id", permission, "name", permission)).toList())
                .field("additional_permissions", List.of())
                .field("token", ctx.get(TOKEN).orElse(""))
                .build();
    }

    @Override
    public StageResult submit(StageContext<Config> ctx, ChallengeResponse response) {
        String expected = ctx.get(TOKEN).orElse("");
        String posted = response.string("token").orElse("");
        boolean same = !expected.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                posted.getBytes(StandardCharsets.UTF_8));
        return same
                ? StageResult.proceed(ContextUpdate.none().remove(TOKEN))
                : StageResult.invalid(ResponseErrors.invalid("token", INVALID_TOKEN));
    }

    private Optional<String> application(StageContext<Config> ctx) {
        String slug = ctx.request().query().get("application");
        return slug == null ? Optional.empty() : applicationNames.apply(slug);
    }

    private static String username(StageContext<Config> ctx) {
        return ctx.pendingUser().map(PendingUser::username).or(() -> ctx.request().authenticatedUser()
                .flatMap(ctx.users()::findById).map(User::username)).orElse("");
    }
}
