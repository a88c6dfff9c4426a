package dev.flowstage.stages.redirect;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.RedirectTargets;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.internal.StageSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the client elsewhere with a {@value #COMPONENT} challenge {@code {to}} and proceeds on any
 * response (authentik's redirect stage).
 *
 * <p>The target is the context's {@link #TARGET_KEY} when a policy set it ({@code ak-flow://<slug>}
 * or a URL), else the config's. Flow targets become {@code /if/flow/<slug>/}. URL targets must be
 * {@linkplain RedirectTargets#isSafe safe} (relative, or on {@code allowedHosts}); otherwise the
 * execution is denied with "Redirect target is not allowed.", so an injected {@code javascript:} or
 * foreign URL never reaches the client. The configured target is checked when the flow compiles.
 * Stateless and thread-safe.
 */
public final class RedirectStage implements Stage<RedirectConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.redirect";
    /** The challenge component. */
    public static final String COMPONENT = "xak-flow-redirect";
    /** The context key a policy sets to override the target: {@code ak-flow://<slug>} or a URL. */
    public static final ContextKey<String> TARGET_KEY = ContextKey.of("redirect_stage_target", String.class);
    /** The denial for an unsafe target. */
    public static final String NOT_ALLOWED = "Redirect target is not allowed.";
    /** The denial when neither the context nor the config names a target. */
    public static final String NO_TARGET = "No target found for Redirect stage.";

    private static final String FLOW_SCHEME = "ak-flow://";

    /** Creates the stage; it holds no state. */
    public RedirectStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, RedirectConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link RedirectConfig}. */
    @Override
    public Class<RedirectConfig> configType() {
        return RedirectConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Redirects the client to a URL or another flow";
    }

    /** Returns a problem when the mode's target is missing or the static target is not safe. */
    @Override
    public List<String> validate(RedirectConfig config) {
        List<String> problems = new ArrayList<>();
        Set<String> hosts = config.allowedHosts() == null ? Set.of() : config.allowedHosts();
        if (config.mode() == RedirectMode.STATIC && isBlank(config.targetStatic())) {
            problems.add("target_static is required in static mode");
        } else if (!isBlank(config.targetStatic()) && !RedirectTargets.isSafe(config.targetStatic(), hosts)) {
            problems.add("target_static '" + config.targetStatic()
                    + "' is neither a relative path nor an http(s) URL on allowed_hosts " + hosts);
        }
        if (config.mode() == RedirectMode.FLOW && isBlank(config.targetFlow())) {
            problems.add("target_flow is required in flow mode");
        }
        return problems;
    }

    /** Shows the redirect when the target is safe; denies otherwise. */
    @Override
    public StageResult arrive(StageContext<RedirectConfig> ctx) {
        Resolution resolution = resolve(ctx);
        return resolution.denial() == null ? StageResult.show() : StageResult.deny(resolution.denial());
    }

    /**
     * Returns the {@value #COMPONENT} challenge with {@code to}.
     *
     * @throws IllegalStateException when the target is not safe (arrival denies before this)
     */
    @Override
    public Challenge challenge(StageContext<RedirectConfig> ctx) {
        Resolution resolution = resolve(ctx);
        if (resolution.denial() != null) {
            throw new IllegalStateException("redirect stage '" + ctx.stageName() + "': " + resolution.denial());
        }
        return Challenge.builder(COMPONENT).field("to", resolution.to()).build();
    }

    /** Proceeds on any response. */
    @Override
    public StageResult submit(StageContext<RedirectConfig> ctx, ChallengeResponse response) {
        return StageResult.proceed();
    }

    private static Resolution resolve(StageContext<RedirectConfig> ctx) {
        RedirectConfig config = ctx.config();
        Optional<String> override = ctx.get(TARGET_KEY).filter(target -> !target.isBlank());
        if (override.isPresent()) {
            String target = override.get();
            return target.startsWith(FLOW_SCHEME)
                    ? flow(target.substring(FLOW_SCHEME.length()))
                    : url(target, config.allowedHosts());
        }
        return config.mode() == RedirectMode.FLOW ? flow(config.targetFlow()) : url(config.targetStatic(), config.allowedHosts());
    }

    private static Resolution flow(String slug) {
        if (isBlank(slug)) {
            return Resolution.denied(NO_TARGET);
        }
        return StageSupport.isSlug(slug) ? Resolution.to(StageSupport.flowUrl(slug)) : Resolution.denied(NOT_ALLOWED);
    }

    private static Resolution url(String target, Set<String> allowedHosts) {
        if (isBlank(target)) {
            return Resolution.denied(NO_TARGET);
        }
        return RedirectTargets.isSafe(target, allowedHosts) ? Resolution.to(target) : Resolution.denied(NOT_ALLOWED);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Either a target ({@code to}) or the reason to deny. */
    private record Resolution(String to, String denial) {
        static Resolution to(String target) {
            return new Resolution(target, null);
        }

        static Resolution denied(String message) {
            return new Resolution(null, message);
        }
    }
}
