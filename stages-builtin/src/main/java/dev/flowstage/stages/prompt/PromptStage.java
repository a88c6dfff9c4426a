package dev.flowstage.stages.prompt;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.spi.StageValidation;
import java.util.List;

/**
 * Shows arbitrary form fields and stores the accepted values in the context's {@code prompt_data}
 * (authentik's prompt stage).
 *
 * <p><b>Challenge</b> ({@value #COMPONENT}): {@code fields}, in ascending order, each with
 * {@code field_key, label, type, required, placeholder, initial_value, order, sub_text, choices}.
 * Placeholders and initial values marked as expressions are MVEL, evaluated with {@code user} (the
 * pending user's directory entry, or null), {@code prompt_data}, {@code context} and {@code
 * request}; one that fails is logged and its text is used. A value already in {@code prompt_data}
 * under the field key is the initial value and no expression runs, except that a stored password
 * is never sent back. Choice fields take their choices from {@code prompt_data["<key>__choices"]},
 * else the configured choices, else the placeholder expression (a list of strings or of {@code
 * {label, value}} maps); their placeholder is empty and an initial value that is not a choice
 * becomes the first choice. Values are sent as strings ({@code True}/{@code False} for booleans,
 * empty for an unchecked checkbox); {@code choices} is null except for choice fields.
 *
 * <p><b>Response</b>: values keyed by field key; other keys are ignored. Each field is checked with
 * the rules of the DRF field authentik uses, and errors use DRF's messages and codes:
 * {@code required} ("This field is required."), {@code blank}, {@code null}, {@code invalid}
 * ("Enter a valid email address.", "A valid integer is required.", "Must be a valid boolean.", the
 * DRF date and date-time format messages, "Username is already taken."), {@code invalid_choice}.
 * A field that is absent takes its initial value when it has one (authentik's field default; for a
 * choice field that is the initial choice, so an absent choice is never "required"), else it is
 * {@code required} or simply not stored; a blank value of an optional field is not stored, except
 * for text, text area and email fields, which store it. Read-only, hidden and static fields keep
 * the server's value whatever is posted; separators carry none. Only when every field is valid: with exactly two password fields they must be equal
 * ({@value #PASSWORDS_DONT_MATCH}), then the validation policies run in ALL mode with {@code
 * prompt_data} set to the existing prompt data merged with the candidate values; a failure reports
 * each policy message (or {@value #VALIDATION_FAILED}) as {@code non_field_errors}. An accepted
 * response merges the typed values into {@code prompt_data}: strings, {@code Long} numbers,
 * {@code Boolean} checkboxes, ISO strings for dates and date-times.
 *
 * <p><b>Passwords</b> are stored in {@code prompt_data} as {@link dev.flowstage.api.Secret}s, because
 * the stages after this one (the password policy, user_write) read them there: they never print, and
 * the engine seals them when it persists the execution. To keep them no longer than needed, the keys
 * of password fields are listed under {@link #SECRET_FIELDS}; a stage that consumes them (user_write,
 * after hashing) removes those keys from {@code prompt_data} and then the list. A stored password is
 * never echoed in a challenge.
 *
 * <p>Stateless and thread-safe.
 */
public final class PromptStage implements Stage<PromptConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.prompt";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-prompt";
    /** The non-field error when two password fields differ. */
    public static final String PASSWORDS_DONT_MATCH = "Passwords don't match.";
    /** The non-field error when validation policies fail without a message. */
    public static final String VALIDATION_FAILED = "Validation failed.";
    /** The field error when another user has the username. */
    public static final String USERNAME_TAKEN = "Username is already taken.";
    /**
     * The keys of {@code prompt_data} that hold passwords, written by prompt stages, for the stage
     * that hashes them to remove.
     */
    public static final ContextKey<List<String>> SECRET_FIELDS =
            ContextKey.of("prompt_secret_fields", ContextKeys.listType());

    /** Creates the stage; it holds no state. */
    public PromptStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, PromptConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link PromptConfig}. */
    @Override
    public Class<PromptConfig> configType() {
        return PromptConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Shows form fields and stores the values in prompt_data, checked by validation policies";
    }

    /**
     * Returns the problems of {@code config}: duplicate names or field keys, null labels, choice
     * fields without choices (or with both choices and a placeholder expression), choices on other
     * types, expressions that do not compile and validation policies that do not compile.
     */
    @Override
    public List<String> validate(PromptConfig config, StageValidation validation) {
        return PromptConfigCheck.problems(config, validation);
    }

    /** Returns the {@value #COMPONENT} challenge with the resolved fields. */
    @Override
    public Challenge challenge(StageContext<PromptConfig> ctx) {
        List<Object> fields = new FieldResolver(ctx).resolveAll().stream().map(field -> (Object) field.toWire()).toList();
        return Challenge.builder(COMPONENT).field("fields", fields).build();
    }

    /** Validates the response and proceeds with the values merged into {@code prompt_data}, or rejects it with errors. */
    @Override
    public StageResult submit(StageContext<PromptConfig> ctx, ChallengeResponse response) {
        return new PromptSubmission(ctx).decide(response);
    }
}
