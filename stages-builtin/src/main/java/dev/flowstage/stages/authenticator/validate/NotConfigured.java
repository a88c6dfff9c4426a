package dev.flowstage.stages.authenticator.validate;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.AuthenticatorUsers;
import dev.flowstage.stages.internal.StageSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The validation stage for a user without an allowed device: skip, deny, or send the user to a
 * configuration flow. Configuring never passes the stage: the user comes back to the same
 * execution, whose challenge then lists the new device, and must verify it.
 */
final class NotConfigured {
    static final String SELECTED_STAGE = "selected_stage";

    private NotConfigured() {}

    static StageResult arrive(StageContext<AuthenticatorValidateConfig> ctx) {
        switch (ctx.config().notConfiguredAction()) {
            case SKIP:
                return StageResult.proceed();
            case DENY:
                return StageResult.deny(AuthenticatorValidateStage.NOT_CONFIGURED);
            default:
                return ctx.config().configurationStages().isEmpty()
                        ? StageResult.deny(AuthenticatorValidateStage.NOT_CONFIGURED) : StageResult.show();
        }
    }

    /** Returns a redirect to the chosen (or only) configuration flow, else the list to choose from. */
    static Challenge challenge(StageContext<AuthenticatorValidateConfig> ctx, Optional<User> user) {
        Optional<String> target = target(ctx);
        if (target.isPresent()) {
            String back = URLEncoder.encode(StageSupport.flowUrl(ctx.flowSlug()), StandardCharsets.UTF_8);
            return Challenge.builder("xak-flow-redirect").field("to", StageSupport.flowUrl(target.get()) + "?next=" + back)
                    .build();
        }
        boolean configure = ctx.config().notConfiguredAction() == NotConfiguredAction.CONFIGURE;
        return AuthenticatorUsers.withUserInfo(AuthenticatorValidateStage.COMPONENT, ctx, user)
                .field("device_challenges", List.of())
                .field("configuration_stages", configure ? selectable(ctx.config().configurationStages()) : List.of())
                .build();
    }

    /** Skips or denies as configured; with configure, records a {@code selected_stage} and shows the redirect again. */
    static StageResult submit(StageContext<AuthenticatorValidateConfig> ctx, ChallengeResponse response) {
        if (ctx.config().notConfiguredAction() != NotConfiguredAction.CONFIGURE) {
            return arrive(ctx);
        }
        if (!response.has(SELECTED_STAGE)) {
            return ctx.config().configurationStages().isEmpty()
                    ? StageResult.deny(AuthenticatorValidateStage.NOT_CONFIGURED) : StageResult.show();
        }
        Optional<String> slug = response.string(SELECTED_STAGE).flatMap(choice -> ctx.config().configurationStages()
                .stream().filter(candidate -> candidate.equals(choice) || pk(candidate).equals(choice)).findFirst());
        if (slug.isEmpty()) {
            return StageResult.invalid(ResponseErrors.invalid(SELECTED_STAGE, AuthenticatorValidateStage.INVALID_STAGE));
        }
        return StageResult.show(ContextUpdate.of(ValidateState.selectedStageKey(ctx.stageName()), slug.get()));
    }

    /** Returns the stable pk a configuration flow is listed with: a name-based UUID of its slug. */
    static String pk(String slug) {
        return UUID.nameUUIDFromBytes(("flowstage:flow:" + slug).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Optional<String> target(StageContext<AuthenticatorValidateConfig> ctx) {
        AuthenticatorValidateConfig config = ctx.config();
        if (config.notConfiguredAction() != NotConfiguredAction.CONFIGURE) {
            return Optional.empty();
        }
        Optional<String> selected = ctx.get(ValidateState.selectedStageKey(ctx.stageName()))
                .filter(config.configurationStages()::contains);
        if (selected.isPresent() || config.configurationStages().size() != 1) {
            return selected;
        }
        return Optional.of(config.configurationStages().get(0));
    }

    private static List<Object> selectable(List<String> slugs) {
        List<Object> stages = new ArrayList<>();
        for (String slug : slugs) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("pk", pk(slug));
            stage.put("name", slug);
            stage.put("verbose_name", "Authenticator setup flow");
            stage.put("meta_model_name", "authentik_flows.flow");
            stages.add(stage);
        }
        return stages;
    }
}
