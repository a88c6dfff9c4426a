package dev.flowstage.samples.terms;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the user to accept the terms of service before the flow goes on: a complete custom stage in
 * one class.
 *
 * <p>Shows the {@value #COMPONENT} challenge with {@code terms_version}, {@code terms_url} and/or
 * {@code terms_text}, {@code pending_user} and {@code pending_user_avatar}. The response field
 * {@code accept} must be {@code true} (JSON) or a form value such as {@code on}; anything else is
 * rejected with a field error. On acceptance it writes the accepted version to
 * {@link #ACCEPTED_VERSION} and proceeds. A user whose directory attribute
 * {@value #ACCEPTED_ATTRIBUTE} already equals the configured version is not asked again.
 *
 * <p>Register it with one line, {@code builder.stage(new TermsOfServiceStage())}. Stateless and
 * thread-safe, like every stage.
 */
public final class TermsOfServiceStage implements Stage<TermsOfServiceStage.Config> {
    /** The stable type id that stage definitions refer to. */
    public static final String TYPE = "sample.terms_of_service";
    /** The challenge component; custom stages use their own names, never authentik's {@code ak-stage-*}. */
    public static final String COMPONENT = "xs-stage-terms";
    /** The context key holding the version the user accepted in this execution. */
    public static final ContextKey<String> ACCEPTED_VERSION = ContextKey.of("terms_accepted_version", String.class);
    /** The user attribute a host may set after completion, so that the same version is not asked twice. */
    public static final String ACCEPTED_ATTRIBUTE = "terms_accepted_version";
    /** The error shown when the response does not accept the terms. */
    public static final String MUST_ACCEPT = "You must accept the terms to continue.";

    private static final String ACCEPT = "accept";
    private static final String AVATAR = "/static/dist/assets/images/user_default.png";

    /**
     * The stage's configuration, validated when a flow using the stage compiles.
     *
     * @param version the version of the terms, such as {@code 2026-01}; letters, digits, '.', '_' and '-'
     * @param url where the full terms can be read: an {@code https://} URL or a path on this host; or null
     * @param text the terms themselves, for short terms shown inline; or null
     */
    public record Config(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String version,
            @Size(max = 2048) String url,
            @Size(max = 20_000) String text) {

        /** Returns a config linking the terms of {@code version} at {@code url}. */
        public static Config linked(String version, String url) {
            return new Config(version, url, null);
        }

        /** Returns a config showing the terms of {@code version} inline as {@code text}. */
        public static Config inline(String version, String text) {
            return new Config(version, null, text);
        }
    }

    /** Creates the stage; it holds no state. */
    public TermsOfServiceStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, Config config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link Config}. */
    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Asks the user to accept the terms of service";
    }

    /** Returns the problems Bean Validation cannot express: the terms need a URL or a text, and a safe URL. */
    @Override
    public List<String> validate(Config config) {
        List<String> problems = new ArrayList<>();
        if (isBlank(config.url()) && isBlank(config.text())) {
            problems.add("either url or text must be set");
        }
        if (!isBlank(config.url()) && !config.url().startsWith("https://") && !config.url().startsWith("/")) {
            problems.add("url must start with https:// or /, got '" + config.url() + "'");
        }
        return problems;
    }

    /** Returns the key this stage writes, so that persisted executions read it back with its type. */
    @Override
    public Set<ContextKey<?>> contextKeys() {
        return Set.of(ACCEPTED_VERSION);
    }

    /** Proceeds at once when the pending user already accepted this version; otherwise shows the challenge. */
    @Override
    public StageResult arrive(StageContext<Config> ctx) {
        String version = ctx.config().version();
        boolean accepted = ctx.pendingDirectoryUser()
                .map(User::attributes)
                .map(attributes -> attributes.get(ACCEPTED_ATTRIBUTE))
                .filter(version::equals)
                .isPresent();
        return accepted ? StageResult.proceed(ContextUpdate.of(ACCEPTED_VERSION, version)) : StageResult.show();
    }

    /** Returns the {@value #COMPONENT} challenge; the engine adds {@code flow_info} and errors. */
    @Override
    public Challenge challenge(StageContext<Config> ctx) {
        Config config = ctx.config();
        return Challenge.builder(COMPONENT)
                .field("pending_user", ctx.pendingUser().map(PendingUser::username).orElse(""))
                .field("pending_user_avatar", AVATAR)
                .field("terms_version", config.version())
                .optionalField("terms_url", blankToNull(config.url()))
                .optionalField("terms_text", blankToNull(config.text()))
                .build();
    }

    /** Proceeds when {@code accept} is true; a missing, null or false value is {@code required}, a non-boolean {@code invalid}. */
    @Override
    public StageResult submit(StageContext<Config> ctx, ChallengeResponse response) {
        Optional<Boolean> accept = response.get(ACCEPT) == null ? Optional.of(false) : response.bool(ACCEPT);
        if (accept.isEmpty()) {
            return StageResult.invalid(ResponseErrors.of(ACCEPT, ErrorDetail.invalid("Must be a valid boolean.")));
        }
        if (!accept.get()) {
            return StageResult.invalid(ResponseErrors.of(ACCEPT, new ErrorDetail(MUST_ACCEPT, "required")));
        }
        return StageResult.proceed(ContextUpdate.of(ACCEPTED_VERSION, ctx.config().version()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
