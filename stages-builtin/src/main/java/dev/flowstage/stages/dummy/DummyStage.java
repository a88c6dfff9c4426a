package dev.flowstage.stages.dummy;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;

/**
 * Shows a challenge naming the stage and proceeds on any response (authentik's dummy stage); with
 * {@code throwError} it throws instead, for tests of the engine's failure handling. Stateless and
 * thread-safe.
 */
public final class DummyStage implements Stage<DummyConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.dummy";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-dummy";

    /** Creates the stage; it holds no state. */
    public DummyStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, DummyConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link DummyConfig}. */
    @Override
    public Class<DummyConfig> configType() {
        return DummyConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Shows a placeholder challenge and proceeds on any response";
    }

    /** Returns the {@value #COMPONENT} challenge with {@code name} set to the stage's name. */
    @Override
    public Challenge challenge(StageContext<DummyConfig> ctx) {
        return Challenge.builder(COMPONENT).field("name", ctx.stageName()).build();
    }

    /**
     * Proceeds on any response.
     *
     * @throws IllegalStateException when the config says {@code throwError}
     */
    @Override
    public StageResult submit(StageContext<DummyConfig> ctx, ChallengeResponse response) {
        if (ctx.config().throwError()) {
            throw new IllegalStateException("dummy stage '" + ctx.stageName() + "' is configured to throw");
        }
        return StageResult.proceed();
    }
}
