package dev.flowstage.stages.internal;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.PendingUser;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.StageContext;
import java.util.ArrayList;
import java.util.List;

/** Challenge fields, URLs, messages and context updates that several built-in stages share. */
public final class StageSupport {
    /** The avatar shown for every pending user; the host may serve its own image at this path. */
    public static final String DEFAULT_AVATAR = "/static/dist/assets/images/user_default.png";
    /** The shape of a flow slug (authentik's slug field): letters, digits, '-' and '_'. */
    public static final String SLUG_REGEX = "[-a-zA-Z0-9_]+";
    /** DRF's message for a missing required field. */
    public static final ErrorDetail REQUIRED = new ErrorDetail("This field is required.", "required");

    private StageSupport() {}

    /** Returns the URL of the flow executor page for {@code slug}: {@code /if/flow/<slug>/}. */
    public static String flowUrl(String slug) {
        return "/if/flow/" + slug + "/";
    }

    /** Returns whether {@code slug} has the shape of a flow slug. */
    public static boolean isSlug(String slug) {
        return slug != null && slug.matches(SLUG_REGEX);
    }

    /**
     * Returns the pending user as displayed (authentik's {@code get_pending_user(for_display=True)}):
     * the typed identifier when identification stored one, else the username, else empty string.
     */
    public static String pendingUserForDisplay(StageContext<?> ctx) {
        return ctx.get(ContextKeys.PENDING_USER_IDENTIFIER)
                .or(() -> ctx.pendingUser().map(PendingUser::username))
                .orElse("");
    }

    /** Returns a builder for {@code component} with the {@code pending_user} and {@code pending_user_avatar} fields. */
    public static Challenge.Builder withUserInfo(String component, StageContext<?> ctx) {
        return Challenge.builder(component)
                .field("pending_user", pendingUserForDisplay(ctx))
                .field("pending_user_avatar", DEFAULT_AVATAR);
    }

    /**
     * Returns an update recording that the pending user passed a password check in stage
     * {@code ctx.stageName()}: {@code auth_method} {@code password}, and the stage's name appended
     * to {@code verified_credentials} (once).
     */
    public static ContextUpdate passwordVerified(StageContext<?> ctx) {
        List<String> verified = new ArrayList<>(ctx.get(ContextKeys.VERIFIED_CREDENTIALS).orElse(List.of()));
        if (!verified.contains(ctx.stageName())) {
            verified.add(ctx.stageName());
        }
        return ContextUpdate.of(ContextKeys.AUTH_METHOD, "password")
                .put(ContextKeys.VERIFIED_CREDENTIALS, List.copyOf(verified));
    }
}
