package dev.flowstage.stages.consent;

import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Stands in for a host's OAuth provider: reads {@code client_id} and {@code scope} from the flow's
 * query and asks consent for them, as authentik's provider does when it plans the authorization
 * flow. Without {@code client_id} it sets nothing. No challenge.
 */
final class OAuthRequestStage implements Stage<OAuthRequestStage.Config> {
    static final String TYPE = "test.oauth_request";
    static final Map<String, String> SCOPE_NAMES = Map.of(
            "openid", "Sign you in", "email", "Read your email address", "profile", "Read your name and username");

    /** No settings. */
    record Config() {}

    static StageDefinition definition(String name) {
        return StageDefinition.of(name, TYPE, new Config());
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
    public StageResult arrive(StageContext<Config> ctx) {
        String client = ctx.request().query().get("client_id");
        if (client == null) {
            return StageResult.proceed();
        }
        List<ConsentPermission> scopes = Arrays.stream(ctx.request().query().getOrDefault("scope", "").split(" "))
                .filter(scope -> !scope.isBlank())
                .map(scope -> ConsentPermission.of(scope, SCOPE_NAMES.getOrDefault(scope, scope))).toList();
        return StageResult.proceed(ConsentStage.requestConsent(client, scopes)
                .andThen(ContextUpdate.of(ConsentStage.HEADER, "You're about to sign into " + client + ".")));
    }
}
