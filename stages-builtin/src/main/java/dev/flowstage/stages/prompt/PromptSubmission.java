package dev.flowstage.stages.prompt;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.PolicyCheck;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides on one response to a prompt stage, in authentik's order: each field's own rules (errors
 * by field), then the two-password rule, then the validation policies (both as non-field errors).
 */
final class PromptSubmission {
    private final StageContext<PromptConfig> ctx;
    private final List<ResolvedField> fields;

    PromptSubmission(StageContext<PromptConfig> ctx) {
        this.ctx = ctx;
        this.fields = new FieldResolver(ctx).resolveAll();
    }

    StageResult decide(ChallengeResponse response) {
        Map<String, Object> values = new LinkedHashMap<>();
        ResponseErrors errors = collect(response, values);
        if (!errors.isEmpty()) {
            return StageResult.invalid(errors);
        }
        if (passwordsDiffer(values)) {
            return StageResult.invalid(ResponseErrors.nonField(PromptStage.PASSWORDS_DONT_MATCH, "invalid"));
        }
        Map<String, Object> merged = new LinkedHashMap<>(ctx.get(ContextKeys.PROMPT_DATA).orElse(Map.of()));
        merged.putAll(values);
        ResponseErrors refused = checkPolicies(Collections.unmodifiableMap(merged));
        if (!refused.isEmpty()) {
            return StageResult.invalid(refused);
        }
        return StageResult.proceed(update(Collections.unmodifiableMap(merged), values));
    }

    /** Puts each field's value into {@code values} and returns the field errors. */
    private ResponseErrors collect(ChallengeResponse response, Map<String, Object> values) {
        ResponseErrors errors = ResponseErrors.none();
        for (ResolvedField field : fields) {
            if (!field.type().carriesValue()) {
                continue;
            }
            if (field.type().isServerValued()) {
                values.put(field.key(), field.serverValue());
                continue;
            }
            FieldParser.Parsed parsed = checkUsername(field, FieldParser.parse(field, response));
            if (parsed.error() != null) {
                errors = errors.with(field.key(), parsed.error());
            } else if (parsed.value() != null) {
                values.put(field.key(), parsed.value());
            }
        }
        return errors;
    }

    /** Refuses a username that a user other than the pending user has (ignoring case, as the directory matches). */
    private FieldParser.Parsed checkUsername(ResolvedField field, FieldParser.Parsed parsed) {
        if (field.type() != PromptFieldType.USERNAME || !(parsed.value() instanceof String username)) {
            return parsed;
        }
        Optional<String> self = ctx.pendingUser().flatMap(PendingUser::existingId);
        boolean taken = ctx.users().findByUsername(username).map(User::id).filter(id -> !self.equals(Optional.of(id)))
                .isPresent();
        return taken ? FieldParser.Parsed.error(PromptErrors.USERNAME_TAKEN) : parsed;
    }

    /** Returns whether the stage has exactly two password fields (authentik's rule) and their values differ. */
    private boolean passwordsDiffer(Map<String, Object> values) {
        List<String> keys = fields.stream().filter(field -> field.type() == PromptFieldType.PASSWORD)
                .map(ResolvedField::key).toList();
        return keys.size() == 2 && !Objects.equals(values.get(keys.get(0)), values.get(keys.get(1)));
    }

    /** Runs the validation policies in ALL mode over the candidate prompt data; their messages on failure. */
    private ResponseErrors checkPolicies(Map<String, Object> candidate) {
        List<PolicyDefinition> policies = ctx.config().validationPolicies();
        if (policies.isEmpty()) {
            return ResponseErrors.none();
        }
        FlowContext context = ctx.context().with(ContextKeys.PROMPT_DATA, candidate);
        PolicyCheck check = ctx.checkPolicies(policies, PolicyEngineMode.ALL, context);
        if (check.passing()) {
            return ResponseErrors.none();
        }
        List<String> messages = check.messages().stream().filter(m -> m != null && !m.isBlank()).toList();
        ResponseErrors errors = ResponseErrors.none();
        for (String message : messages.isEmpty() ? List.of(PromptStage.VALIDATION_FAILED) : messages) {
            errors = errors.with(ResponseErrors.NON_FIELD_ERRORS, ErrorDetail.invalid(message));
        }
        return errors;
    }

    /** Stores the merged prompt data and lists this stage's password keys under {@link PromptStage#SECRET_FIELDS}. */
    private ContextUpdate update(Map<String, Object> merged, Map<String, Object> values) {
        ContextUpdate update = ContextUpdate.of(ContextKeys.PROMPT_DATA, merged);
        List<String> secrets = new ArrayList<>(ctx.get(PromptStage.SECRET_FIELDS).orElse(List.of()));
        fields.stream()
                .filter(field -> field.type() == PromptFieldType.PASSWORD && values.containsKey(field.key()))
                .map(ResolvedField::key)
                .filter(key -> !secrets.contains(key))
                .forEach(secrets::add);
        return secrets.isEmpty() ? update : update.put(PromptStage.SECRET_FIELDS, List.copyOf(secrets));
    }
}
