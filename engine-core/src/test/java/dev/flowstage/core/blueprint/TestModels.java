package dev.flowstage.core.blueprint;

import dev.flowstage.core.TestStages;
import dev.flowstage.core.TestStages.AskConfig;
import dev.flowstage.core.TestStages.Empty;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stages and blueprint models for testing the blueprint machinery without the built-in stages. */
final class TestModels {
    static final String ASK = "test_stages_ask.askstage";
    static final String PASS = "test_stages_pass.passstage";
    static final String QUESTION = "test_stages_quiz.question";
    static final String QUIZ = "test_stages_quiz.quizstage";

    private TestModels() {}

    record Question(String text, String answer) {}

    record QuizConfig(List<Question> questions, List<PolicyDefinition> checks, String nextFlow, Duration timeout) {
        QuizConfig {
            questions = List.copyOf(questions);
            checks = List.copyOf(checks);
        }
    }

    static List<BlueprintModel<?>> models() {
        return List.of(
                BlueprintModel.stage(ASK, "test.ask", AskConfig.class,
                        attrs -> new AskConfig(attrs.requiredString("field"), attrs.requiredString("expected")),
                        config -> Map.of("field", config.field(), "expected", config.expected())),
                BlueprintModel.stage(PASS, "test.pass", Empty.class, attrs -> new Empty(), config -> Map.of()),
                BlueprintModel.object(QUESTION, Question.class,
                        attrs -> new Question(attrs.requiredString("text"), attrs.string("answer", "")),
                        config -> Map.of("text", config.text(), "answer", config.answer())),
                BlueprintModel.stage(QUIZ, "test.quiz", QuizConfig.class,
                        attrs -> new QuizConfig(attrs.objects("questions", QUESTION, Question.class),
                                attrs.policies("checks"), attrs.flow("next_flow"), attrs.duration("timeout", Duration.ZERO)),
                        TestModels::quizAttributes));
    }

    private static Map<String, Object> quizAttributes(QuizConfig config) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("questions", config.questions().stream()
                .map(question -> ModelRef.object(QUESTION, "q-" + question.text().toLowerCase().replace(' ', '-'), question))
                .toList());
        attrs.put("checks", config.checks().stream().map(ModelRef::policy).toList());
        attrs.put("next_flow", config.nextFlow() == null ? null : ModelRef.flow(config.nextFlow()));
        attrs.put("timeout", config.timeout());
        return attrs;
    }

    static StageDefinition ask(String name, String field, String expected) {
        return StageDefinition.of(name, "test.ask", new AskConfig(field, expected));
    }

    static StageDefinition pass(String name) {
        return StageDefinition.of(name, "test.pass", new Empty());
    }

    static FlowEngine engine() {
        return FlowEngines.builder().stages(List.of(new TestStages.AskStage(), new TestStages.PassStage(), new QuizStage())).build();
    }

    static Blueprints.Builder blueprints(FlowEngine engine) {
        return Blueprints.builder().models(models()).engine(engine);
    }

    static final class QuizStage implements Stage<QuizConfig> {
        @Override
        public String typeId() {
            return "test.quiz";
        }

        @Override
        public Class<QuizConfig> configType() {
            return QuizConfig.class;
        }

        @Override
        public StageResult arrive(StageContext<QuizConfig> ctx) {
            return StageResult.proceed();
        }
    }
}
