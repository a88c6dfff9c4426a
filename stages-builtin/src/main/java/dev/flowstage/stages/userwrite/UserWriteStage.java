package dev.flowstage.stages.userwrite;

import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.UserConflictException;
import dev.flowstage.api.UserDraft;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.prompt.PromptStage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates a user from the prompt data (authentik's user write stage). Shows no
 * challenge: it decides on arrival.
 *
 * <p><b>Which user.</b> The pending user when it exists in the directory, else the signed-in user
 * of the request, else none. A new user is created when there is none (unless the mode is
 * {@link UserCreationMode#NEVER_CREATE}, which denies {@value #NO_USER}) and always in
 * {@link UserCreationMode#ALWAYS_CREATE}. New users are active unless {@code createUsersAsInactive},
 * join {@code createUsersGroup} if set, and get the attributes {@value #TYPE_ATTRIBUTE} (the
 * {@link UserType}'s wire name) and {@value #PATH_ATTRIBUTE} ({@code userPathTemplate}, or
 * {@value #DEFAULT_PATH} when empty), because {@link User} has no fields for them. Existing users keep
 * their active flag, superuser flag, groups, type and path.
 *
 * <p><b>Prompt data</b>, applied entry by entry in its order:
 * <ul>
 *   <li>{@code username}, {@code email}, {@code name}: the user's fields (strings; null is empty);</li>
 *   <li>{@code password}: hashed with the {@link PasswordHasher} service and stored only as the hash;
 *       null or empty changes nothing;</li>
 *   <li>{@code password_repeat}, {@code component}, {@code groups}, keys ending in {@code __choices},
 *       and other values held as a {@link Secret} (password-type prompt fields): dropped;</li>
 *   <li>{@code attributes}: a map merged into the attributes at the top level;</li>
 *   <li>{@code attributes.x.y} and {@code attributes_x.y}: the nested attribute {@code x.y};</li>
 *   <li>any other key: the attribute of that name.</li>
 * </ul>
 * Prompt data never changes the {@value #TYPE_ATTRIBUTE} and {@value #PATH_ATTRIBUTE} attributes.
 *
 * <p><b>Failures.</b> No prompt data denies {@value #NO_PENDING_DATA}. A value of the wrong type
 * (a non-map {@code attributes}, a non-string username), a nested path through a non-map value or
 * an empty path segment, a value that is not JSON data, a blank username, or a username or email
 * address taken by another user (the store's {@link UserConflictException}), and a user deleted
 * meanwhile all deny
 * {@value #FAILED}. authentik answers these the same way; this stage has no challenge on which to
 * show a field error, so a flow that should ask again puts a prompt stage with uniqueness checks
 * before it. The single {@link dev.flowstage.spi.UserStore} call is the only write, so a denial
 * never leaves a half-written user. Exceptions of the store other than conflicts propagate, and
 * the engine fails closed.
 *
 * <p><b>Result.</b> Proceeds with {@code pending_user} set to the stored user, {@link #CREATED_USER}
 * set to its id when it was created (not when updated), and with
 * {@code password}, {@code password_repeat} and any other secret values removed from
 * {@code prompt_data}, so that no plain-text password stays in the execution; a denial removes
 * them too. Publishes no event (the engine reports the stage's completion). Stateless and
 * thread-safe.
 */
public final class UserWriteStage implements Stage<UserWriteConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.user_write";
    /** The denial when the context has no prompt data. */
    public static final String NO_PENDING_DATA = "No Pending data.";
    /** The denial when there is no user to update and the mode does not allow creating one. */
    public static final String NO_USER = "No user found and can't create new user.";
    /** The denial when the prompt data cannot be applied or stored. */
    public static final String FAILED = "Failed to update user. Please try again later.";
    /** The attribute holding a new user's {@link UserType} wire name. */
    public static final String TYPE_ATTRIBUTE = "type";
    /** The attribute holding a new user's path. */
    public static final String PATH_ATTRIBUTE = "path";
    /** The path of new users when {@code userPathTemplate} is empty (authentik's {@code User.default_path()}). */
    public static final String DEFAULT_PATH = "users";

    /**
     * The id of the user this stage created in the execution ({@code user_write_created_user}): the
     * proof that the execution's pending user is new, which lets an enrollment flow set up its first
     * second factor. Never set when an existing user is updated.
     */
    public static final ContextKey<String> CREATED_USER = ContextKey.of("user_write_created_user", String.class);

    private static final Logger LOG = LoggerFactory.getLogger(UserWriteStage.class);

    /** Creates the stage; it holds no state. */
    public UserWriteStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, UserWriteConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link UserWriteConfig}. */
    @Override
    public Class<UserWriteConfig> configType() {
        return UserWriteConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Creates or updates the pending user from the prompt data";
    }

    /** Writes the user in one store call and proceeds, or denies leaving the store as it was. */
    @Override
    public StageResult arrive(StageContext<UserWriteConfig> ctx) {
        Optional<Map<String, Object>> promptData = ctx.get(ContextKeys.PROMPT_DATA);
        if (promptData.isEmpty()) {
            return StageResult.deny(NO_PENDING_DATA);
        }
        Set<String> secretKeys = Set.copyOf(ctx.get(PromptStage.SECRET_FIELDS).orElse(List.of()));
        ContextUpdate scrubbed = withoutSecrets(promptData.get(), secretKeys);
        Optional<User> existing = targetUser(ctx);
        if (existing.isEmpty() && ctx.config().userCreationMode() == UserCreationMode.NEVER_CREATE) {
            return StageResult.deny(NO_USER, scrubbed);
        }
        Optional<User> stored = write(ctx, existing, withoutExtraSecrets(promptData.get(), secretKeys));
        if (stored.isEmpty()) {
            return StageResult.deny(FAILED, scrubbed);
        }
        ContextUpdate update = scrubbed.put(ContextKeys.PENDING_USER, PendingUser.of(stored.get()));
        return StageResult.proceed(existing.isEmpty() ? update.put(CREATED_USER, stored.get().id()) : update);
    }

    /** Returns the user to update: empty when one is to be created. */
    private static Optional<User> targetUser(StageContext<UserWriteConfig> ctx) {
        if (ctx.config().userCreationMode() == UserCreationMode.ALWAYS_CREATE) {
            return Optional.empty();
        }
        return ctx.pendingDirectoryUser().or(() -> ctx.request().authenticatedUser().flatMap(ctx.users()::findById));
    }

    /** Maps the prompt data and stores the result; empty when it cannot be mapped or stored. */
    private static Optional<User> write(StageContext<UserWriteConfig> ctx, Optional<User> existing, Map<String, Object> data) {
        UserMapping mapping = existing.map(UserMapping::forExisting).orElseGet(UserMapping::forNewUser);
        try {
            if (!mapping.apply(data)) {
                return Optional.empty();
            }
            return Optional.of(existing.isPresent() ? update(ctx, existing.get(), mapping) : create(ctx, mapping));
        } catch (UserConflictException e) {
            LOG.debug("user_write in flow {}: the {} is taken", ctx.flowSlug(), e.field());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            LOG.debug("user_write in flow {}: the prompt data cannot be stored: {}", ctx.flowSlug(), e.getMessage());
            return Optional.empty();
        }
    }

    private static User create(StageContext<UserWriteConfig> ctx, UserMapping mapping) {
        UserWriteConfig config = ctx.config();
        mapping.setAttribute(TYPE_ATTRIBUTE, config.userType().wireName());
        mapping.setAttribute(PATH_ATTRIBUTE, config.userPathTemplate().isEmpty() ? DEFAULT_PATH : config.userPathTemplate());
        Set<String> groups = config.createUsersGroup() == null ? Set.of() : Set.of(config.createUsersGroup());
        UserDraft draft = mapping.draft(!config.createUsersAsInactive(), groups);
        if (mapping.password().isPresent()) {
            String hash = hash(ctx, mapping.password().get());
            draft = new UserDraft(draft.username(), draft.email(), draft.name(), draft.active(), draft.groups(), hash,
                    draft.attributes());
        }
        return ctx.userStore().create(draft);
    }

    private static User update(StageContext<UserWriteConfig> ctx, User existing, UserMapping mapping) {
        mapping.setAttribute(TYPE_ATTRIBUTE, existing.attributes().get(TYPE_ATTRIBUTE));
        mapping.setAttribute(PATH_ATTRIBUTE, existing.attributes().get(PATH_ATTRIBUTE));
        User updated = mapping.update(existing);
        if (mapping.password().isPresent()) {
            updated = updated.withPasswordHash(hash(ctx, mapping.password().get()));
        }
        return ctx.userStore().update(updated);
    }

    /** Hashes only after the user record was built, so that bad data costs no hash. */
    private static String hash(StageContext<UserWriteConfig> ctx, Secret password) {
        return ctx.service(PasswordHasher.class).hash(password);
    }

    /**
     * Returns an update removing passwords and other secrets from the prompt data, including the
     * password fields a prompt stage listed under {@link PromptStage#SECRET_FIELDS}, and that list.
     */
    private static ContextUpdate withoutSecrets(Map<String, Object> promptData, Set<String> secretKeys) {
        Map<String, Object> kept = new LinkedHashMap<>(promptData);
        kept.keySet().removeIf(key -> key.equals(UserMapping.PASSWORD) || key.equals(UserMapping.PASSWORD_REPEAT)
                || secretKeys.contains(key));
        kept.values().removeIf(value -> value instanceof Secret);
        ContextUpdate update = secretKeys.isEmpty() ? ContextUpdate.none() : ContextUpdate.none().remove(PromptStage.SECRET_FIELDS);
        return kept.size() == promptData.size()
                ? update
                : update.put(ContextKeys.PROMPT_DATA, Collections.unmodifiableMap(kept));
    }

    /** Returns the prompt data without password fields other than {@code password}: those are never stored as attributes. */
    private static Map<String, Object> withoutExtraSecrets(Map<String, Object> promptData, Set<String> secretKeys) {
        Map<String, Object> kept = new LinkedHashMap<>(promptData);
        kept.keySet().removeIf(key -> secretKeys.contains(key) && !key.equals(UserMapping.PASSWORD));
        return kept;
    }
}
