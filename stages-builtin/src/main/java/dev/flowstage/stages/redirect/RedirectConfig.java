package dev.flowstage.stages.redirect;

import dev.flowstage.stages.internal.StageSupport;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Configuration of the redirect stage (authentik's {@code RedirectStage} model plus an allow-list).
 *
 * <p>Immutable. The constructor lower-cases and copies {@code allowedHosts} but does not reject bad
 * values: Bean Validation and {@link RedirectStage#validate} report them, all together, when a flow
 * using the stage compiles.
 *
 * @param mode whether the stage redirects to {@code targetStatic} or to the flow {@code targetFlow}
 * @param targetStatic the URL of {@link RedirectMode#STATIC} mode: a relative path, or an http(s)
 *     URL whose host is in {@code allowedHosts}; null in flow mode
 * @param targetFlow the flow slug of {@link RedirectMode#FLOW} mode; null in static mode
 * @param keepContext whether the target flow should start with this execution's context
 *     (authentik's {@code keep_context}); recorded for the engine, which owns flow hand-over
 * @param allowedHosts the host names absolute targets may point to, compared case-insensitively
 */
public record RedirectConfig(
        @NotNull RedirectMode mode,
        String targetStatic,
        @Pattern(regexp = StageSupport.SLUG_REGEX) String targetFlow,
        boolean keepContext,
        @NotNull Set<@NotNull String> allowedHosts) {

    /** Lower-cases and copies {@code allowedHosts} (null stays null, for Bean Validation to report). */
    public RedirectConfig {
        allowedHosts = allowedHosts == null ? null : lowerCase(allowedHosts);
    }

    /** Returns a config redirecting to the site root {@code /}, keeping context, with no allowed hosts. */
    public static RedirectConfig defaults() {
        return toStatic("/");
    }

    /** Returns a config redirecting to the relative path or URL {@code target}, keeping context, with no allowed hosts. */
    public static RedirectConfig toStatic(String target) {
        return new RedirectConfig(RedirectMode.STATIC, target, null, true, Set.of());
    }

    /** Returns a config redirecting to the flow {@code slug}, keeping context. */
    public static RedirectConfig toFlow(String slug) {
        return new RedirectConfig(RedirectMode.FLOW, null, slug, true, Set.of());
    }

    /** Returns this config allowing absolute targets on {@code hosts} (replacing the current allow-list). */
    public RedirectConfig withAllowedHosts(String... hosts) {
        return new RedirectConfig(mode, targetStatic, targetFlow, keepContext, new LinkedHashSet<>(Arrays.asList(hosts)));
    }

    /** Returns this config with keep-context set to {@code value}. */
    public RedirectConfig withKeepContext(boolean value) {
        return new RedirectConfig(mode, targetStatic, targetFlow, value, allowedHosts);
    }

    private static Set<String> lowerCase(Set<String> hosts) {
        Set<String> copy = new LinkedHashSet<>();
        for (String host : hosts) {
            copy.add(host == null ? null : host.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(copy);
    }
}
