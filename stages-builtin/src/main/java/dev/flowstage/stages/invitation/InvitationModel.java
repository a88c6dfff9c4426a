package dev.flowstage.stages.invitation;

import dev.flowstage.api.Invitation;
import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blueprint model {@value #NAME} of invitations: {@code name}, {@code expires} (an ISO-8601
 * date-time, or null for never), {@code single_use}, {@code fixed_data}, {@code flow}, and
 * Flowstage's {@code token}, the raw token the invitee uses as {@code itoken} (authentik uses the
 * invitation's pk; give it with {@code !Env} rather than in the file). Only the token's hash is kept.
 * Applied invitations reach the invitation store the blueprints service is given. The token is never
 * exported.
 */
public final class InvitationModel implements BlueprintModel<Invitation> {
    /** The model name. */
    public static final String NAME = "authentik_stages_invitation.invitation";
    /** The id prefix of invitations created by blueprints; the rest is the invitation's name. */
    public static final String ID_PREFIX = "blueprint:";

    @Override
    public String modelName() {
        return NAME;
    }

    @Override
    public Kind kind() {
        return Kind.OBJECT;
    }

    @Override
    public String typeId() {
        return "";
    }

    @Override
    public Class<Invitation> configType() {
        return Invitation.class;
    }

    @Override
    public Invitation fromAttributes(ModelAttributes attrs) {
        String name = attrs.requiredString("name");
        attrs.ignore("created_by");
        String token = attrs.string("token", null);
        if (token == null || token.length() < 16) {
            attrs.problem("token", "is required: the invitee's raw token, at least 16 characters (use !Env)");
            token = "";
        }
        return new Invitation(ID_PREFIX + name, name, Invitations.hash(token), expires(attrs),
                attrs.bool("single_use", false), attrs.map("fixed_data", Map.of()), attrs.flow("flow"), "blueprint");
    }

    private static Instant expires(ModelAttributes attrs) {
        String value = attrs.string("expires", null);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            attrs.problem("expires", "'" + value + "' is not an ISO-8601 date-time such as 2030-01-01T00:00:00Z");
            return null;
        }
    }

    @Override
    public Map<String, Object> toAttributes(Invitation invitation) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("expires", invitation.expires() == null ? null : invitation.expires().toString());
        attrs.put("single_use", invitation.singleUse());
        attrs.put("fixed_data", invitation.fixedData());
        attrs.put("flow", invitation.flowSlug() == null ? null : dev.flowstage.spi.blueprint.ModelRef.flow(invitation.flowSlug()));
        return attrs;
    }
}
