package dev.flowstage.core;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** Small stages for exercising the executor without the built-in stages. */
public final class TestStages {
    public static final String ASK_COMPONENT = "test-ask";

    private TestStages() {}

    public static List<Stage<?>> all() {
        return List.of(new AskStage(), new PassStage(), new DenyingStage(), new BoomStage());
    }

    /** Asks for {@code field}; accepts only {@code expected} and records it in the context under {@code field}. */
    public record AskConfig(@NotBlank String field, @NotBlank String expected) {}

    static StageDefinition ask(String name, String field, String expected) {
        return StageDefinition.of(name, "test.ask", new AskConfig(field, expected));
    }

    static StageDefinition pass(String name) {
        return StageDefinition.of(name, "test.pass", new Empty());
    }

    static StageDefinition deny(String name) {
        return StageDefinition.of(name, "test.deny", new Empty());
    }

    static StageDefinition boom(String name) {
        return StageDefinition.of(name, "test.boom", new Empty());
    }

    public record Empty() {}

    public static final class AskStage implements Stage<AskConfig> {
        @Override
        public String typeId() {
            return "test.ask";
        }

        @Override
        public Class<AskConfig> configType() {
            return AskConfig.class;
        }

        @Override
        public Challenge challenge(StageContext<AskConfig> ctx) {
            return Challenge.builder(ASK_COMPONENT).field("field", ctx.config().field()).build();
        }

        @Override
        public StageResult submit(StageContext<AskConfig> ctx, ChallengeResponse response) {
            String field = ctx.config().field();
            String value = response.string(field).orElse(null);
            if (value == null) {
                return StageResult.invalid(ResponseErrors.of(field,
                        new dev.flowstage.api.ErrorDetail("This field is required.", "required")));
            }
            if (!value.equals(ctx.config().expected())) {
                return StageResult.invalid(ResponseErrors.invalid(field, "Wrong answer"));
            }
            return StageResult.proceed(ContextUpdate.of(ContextKey.of(field, String.class), value));
        }
    }

    public static final class PassStage implements Stage<Empty> {
        @Override
        public String typeId() {
            return "test.pass";
        }

        @Override
        public Class<Empty> configType() {
            return Empty.class;
        }

        @Override
        public StageResult arrive(StageContext<Empty> ctx) {
            return StageResult.proceed(ContextUpdate.of(ContextKey.of("passed_" + ctx.stageName(), Boolean.class), true));
        }
    }

    public static final class DenyingStage implements Stage<Empty> {
        @Override
        public String typeId() {
            return "test.deny";
        }

        @Override
        public Class<Empty> configType() {
            return Empty.class;
        }

        @Override
        public StageResult arrive(StageContext<Empty> ctx) {
            return StageResult.deny(ctx.get(ContextKeys.DENY_MESSAGE).orElse("Denied by " + ctx.stageName()));
        }
    }

    public static final class BoomStage implements Stage<Empty> {
        @Override
        public String typeId() {
            return "test.boom";
        }

        @Override
        public Class<Empty> configType() {
            return Empty.class;
        }

        @Override
        public StageResult arrive(StageContext<Empty> ctx) {
            throw new IllegalStateException("boom with secret s3cr3t");
        }
    }
}
