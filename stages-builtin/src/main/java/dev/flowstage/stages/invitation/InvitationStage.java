package dev.flowstage.stages.invitation;

import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.Invitation;
import dev.flowstage.api.Secret;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Accepts an invitation (authentik's invitation stage). Shows no challenge: it decides on arrival.
 *
 * <p>The raw token is the request's query parameter {@code itoken}, else its query parameter
 * {@code token}, else {@code prompt_data["token"]} (so a prompt field keyed {@code token} works);
 * blank values count as absent. Its SHA-256 hash ({@link Invitations#hash}) is looked up in the
 * {@link InvitationStore} service.
 *
 * <p>When the token is missing, unknown, expired, or the invitation is bound to another flow, the
 * flow goes on without an invitation if {@code continueFlowWithoutInvitation}; otherwise it is
 * denied with {@value #NOT_FOUND}, {@value #EXPIRED} or {@value #WRONG_FLOW}. A single-use
 * invitation is consumed atomically: of several executions racing for it exactly one proceeds,
 * the others are denied {@value #ALREADY_USED}. Consumption happens here, as in authentik, so a
 * later failure in the flow does not give the invitation back.
 *
 * <p>On acceptance the stage proceeds with {@code prompt_data} deep-merged with the invitation's
 * fixed data (the fixed data wins), {@link #IN_EFFECT} true and {@link #INVITATION_ID} the
 * invitation's id. A token read from {@code prompt_data} is removed from it on every path, so that
 * a later user write does not store it as an attribute. Stateless and thread-safe.
 */
public final class InvitationStage implements Stage<InvitationConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.invitation";
    /** Set to true when an invitation was accepted (authentik's {@code invitation_in_effect}). */
    public static final ContextKey<Boolean> IN_EFFECT = ContextKey.of("invitation_in_effect", Boolean.class);
    /** The id of the accepted invitation (authentik's {@code invitation} holds the object itself). */
    public static final ContextKey<String> INVITATION_ID = ContextKey.of("invitation", String.class);
    /** The denial for a missing or unknown token. */
    public static final String NOT_FOUND = "Invalid invite/invite not found";
    /** The denial for an expired invitation. */
    public static final String EXPIRED = "This invitation has expired.";
    /** The denial for an invitation bound to another flow. */
    public static final String WRONG_FLOW = "This invitation is not valid for this flow.";
    /** The denial when another execution used the single-use invitation first. */
    public static final String ALREADY_USED = "This invitation was already used.";

    private static final String QUERY_ITOKEN = "itoken";
    private static final String TOKEN = "token";

    /** Creates the stage; it holds no state. */
    public InvitationStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, InvitationConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link InvitationConfig}. */
    @Override
    public Class<InvitationConfig> configType() {
        return InvitationConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Accepts an invitation token and merges its fixed data into the prompt data";
    }

    /** Returns the keys this stage writes: {@code invitation_in_effect} and {@code invitation}. */
    @Override
    public Set<ContextKey<?>> contextKeys() {
        return Set.of(IN_EFFECT, INVITATION_ID);
    }

    /** Looks the token up and accepts the invitation, goes on without one, or denies. */
    @Override
    public StageResult arrive(StageContext<InvitationConfig> ctx) {
        TokenLookup lookup = TokenLookup.of(ctx);
        if (lookup.token().isEmpty()) {
            return withoutInvitation(ctx, NOT_FOUND, lookup.scrub());
        }
        InvitationStore store = ctx.service(InvitationStore.class);
        Optional<Invitation> found = store.findByTokenHash(Invitations.hash(lookup.token().get()));
        Optional<String> problem = found.isEmpty() ? Optional.of(NOT_FOUND) : problem(ctx, found.get());
        if (problem.isPresent()) {
            return withoutInvitation(ctx, problem.get(), lookup.scrub());
        }
        return accept(store, found.get(), lookup);
    }

    private static StageResult accept(InvitationStore store, Invitation invitation, TokenLookup lookup) {
        if (invitation.singleUse() && !store.consume(invitation.id())) {
            return StageResult.deny(ALREADY_USED, lookup.scrub());
        }
        return StageResult.proceed(
                ContextUpdate.of(ContextKeys.PROMPT_DATA, deepMerge(lookup.promptData(), invitation.fixedData()))
                        .put(IN_EFFECT, true)
                        .put(INVITATION_ID, invitation.id()));
    }

    /**
     * The token found, and the prompt data without it when it came from there.
     *
     * @param token the raw token, if any
     * @param promptData the prompt data to keep
     * @param scrub the update that stores {@code promptData}, or none when it is unchanged
     */
    private record TokenLookup(Optional<String> token, Map<String, Object> promptData, ContextUpdate scrub) {
        static TokenLookup of(StageContext<InvitationConfig> ctx) {
            Map<String, String> query = ctx.request().query();
            Optional<String> fromQuery =
                    Stream.of(QUERY_ITOKEN, TOKEN).map(query::get).flatMap(value -> text(value).stream()).findFirst();
            Map<String, Object> promptData = ctx.get(ContextKeys.PROMPT_DATA).orElse(Map.of());
            if (fromQuery.isPresent()) {
                return new TokenLookup(fromQuery, promptData, ContextUpdate.none());
            }
            Optional<String> fromPrompt = text(promptData.get(TOKEN));
            if (fromPrompt.isEmpty()) {
                return new TokenLookup(fromPrompt, promptData, ContextUpdate.none());
            }
            Map<String, Object> kept = without(promptData, TOKEN);
            return new TokenLookup(fromPrompt, kept, ContextUpdate.of(ContextKeys.PROMPT_DATA, kept));
        }
    }

    /** Returns {@code value} as a token: a non-blank string or secret. */
    private static Optional<String> text(Object value) {
        String raw = value instanceof Secret secret ? secret.reveal() : value instanceof String string ? string : null;
        return Optional.ofNullable(raw).filter(string -> !string.isBlank());
    }

    private static Optional<String> problem(StageContext<InvitationConfig> ctx, Invitation invitation) {
        if (invitation.expiredAt(ctx.clock().instant())) {
            return Optional.of(EXPIRED);
        }
        if (invitation.flow().filter(slug -> !slug.equals(ctx.flowSlug())).isPresent()) {
            return Optional.of(WRONG_FLOW);
        }
        return Optional.empty();
    }

    private static StageResult withoutInvitation(StageContext<InvitationConfig> ctx, String message, ContextUpdate update) {
        return ctx.config().continueFlowWithoutInvitation() ? StageResult.proceed(update) : StageResult.deny(message, update);
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return Collections.unmodifiableMap(copy);
    }

    /** Returns {@code base} with {@code overrides} merged in: maps on both sides merge, otherwise the override wins. */
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            Object current = merged.get(key);
            merged.put(key, current instanceof Map<?, ?> && value instanceof Map<?, ?> ? deepMerge(asMap(current), asMap(value)) : value);
        });
        return Collections.unmodifiableMap(merged);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object map) {
        return (Map<String, Object>) map; // context and invitation data are JSON objects with string keys
    }
}
