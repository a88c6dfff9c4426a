package dev.flowstage.stages.prompt;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.spi.StageContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the placeholders, initial values and choices of a stage's fields for one request,
 * evaluating expressions as authentik does: a {@code prompt_data} value wins over the initial value
 * (and is never evaluated), and an expression that fails is logged and its text used instead.
 */
final class FieldResolver {
    /** The suffix of the {@code prompt_data} key that supplies a choice field's choices. */
    static final String CHOICES_SUFFIX = "__choices";
    private static final Logger LOG = LoggerFactory.getLogger(FieldResolver.class);

    private final StageContext<PromptConfig> ctx;
    private final Map<String, Object> promptData;
    private Map<String, Object> variables;

    FieldResolver(StageContext<PromptConfig> ctx) {
        this.ctx = ctx;
        this.promptData = ctx.get(ContextKeys.PROMPT_DATA).orElse(Map.of());
    }

    /** Returns every field resolved, in ascending order (ties keep definition order). */
    List<ResolvedField> resolveAll() {
        return ctx.config().fields().stream()
                .sorted(Comparator.comparingInt(PromptField::order))
                .map(this::resolve)
                .toList();
    }

    ResolvedField resolve(PromptField field) {
        List<PromptChoice> choices = choices(field);
        return new ResolvedField(field, placeholder(field), initial(field, choices), choices);
    }

    private List<PromptChoice> choices(PromptField field) {
        if (!field.type().isChoice()) {
            return null;
        }
        String key = field.fieldKey() + CHOICES_SUFFIX;
        if (promptData.containsKey(key)) {
            return PromptValues.choices(promptData.get(key));
        }
        if (!field.choices().isEmpty()) {
            return field.choices();
        }
        if (field.placeholderExpression()) {
            return PromptValues.choices(evaluate(field, "placeholder", field.placeholder()));
        }
        return PromptValues.choices(field.placeholder().isEmpty() ? null : field.placeholder());
    }

    private String placeholder(PromptField field) {
        if (field.type().isChoice()) {
            return "";
        }
        return field.placeholderExpression()
                ? PromptValues.text(evaluate(field, "placeholder", field.placeholder()))
                : field.placeholder();
    }

    /** Returns the initial value; a stored password is never sent back to the client. */
    private Object initial(PromptField field, List<PromptChoice> choices) {
        Object value;
        if (field.type() != PromptFieldType.PASSWORD && promptData.containsKey(field.fieldKey())) {
            value = promptData.get(field.fieldKey());
        } else if (field.initialValueExpression()) {
            value = evaluate(field, "initial value", field.initialValue());
        } else {
            value = field.initialValue();
        }
        return choices == null ? value : validChoice(PromptValues.text(value), choices);
    }

    /** Returns {@code value} when it is a choice, else the first choice (authentik), else empty. */
    private static String validChoice(String value, List<PromptChoice> choices) {
        if (choices.isEmpty()) {
            return "";
        }
        return choices.stream().anyMatch(choice -> choice.value().equals(value)) ? value : choices.get(0).value();
    }

    private Object evaluate(PromptField field, String what, String source) {
        try {
            return ctx.expressions().evaluate(source, variables());
        } catch (RuntimeException e) {
            LOG.warn("prompt field '{}' of stage '{}': the {} expression failed, so its text is used: {}",
                    field.name(), ctx.stageName(), what, e.getMessage());
            return source;
        }
    }

    /**
     * Returns the expression variables: user (the pending directory user, else the signed-in
     * requester as authentik's {@code get_pending_user()}, else null), prompt_data, context, request.
     */
    private Map<String, Object> variables() {
        if (variables == null) {
            variables = new HashMap<>();
            variables.put("user", ctx.pendingDirectoryUser()
                    .or(() -> ctx.request().authenticatedUser().flatMap(ctx.users()::findById)).orElse(null));
            variables.put("prompt_data", promptData);
            variables.put("context", ctx.context());
            variables.put("request", ctx.request());
        }
        return variables;
    }
}
