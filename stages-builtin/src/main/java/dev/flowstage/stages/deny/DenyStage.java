package dev.flowstage.stages.deny;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import java.util.Optional;

/**
 * Denies the execution when it comes up (authentik's deny stage). The message is the context's
 * {@link ContextKeys#DENY_MESSAGE} (set by a policy), else the configured message, else "Unknown
 * error"; blank messages count as absent. Shows no challenge. Stateless and thread-safe.
 */
public final class DenyStage implements Stage<DenyConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.deny";
    /** The message when neither the context nor the config has one. */
    public static final String UNKNOWN_ERROR = "Unknown error";

    /** Creates the stage; it holds no state. */
    public DenyStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, DenyConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link DenyConfig}. */
    @Override
    public Class<DenyConfig> configType() {
        return DenyConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Denies the execution with a message";
    }

    /** Denies with the context's message, else the configured one, else {@value #UNKNOWN_ERROR}. */
    @Override
    public StageResult arrive(StageContext<DenyConfig> ctx) {
        String message = ctx.get(ContextKeys.DENY_MESSAGE)
                .filter(text -> !text.isBlank())
                .or(() -> Optional.ofNullable(ctx.config().denyMessage()).filter(text -> !text.isBlank()))
                .orElse(UNKNOWN_ERROR);
        return StageResult.deny(message);
    }
}
