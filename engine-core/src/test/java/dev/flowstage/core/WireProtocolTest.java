package dev.flowstage.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowInfo;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.definition.FlowDefinition;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireProtocolTest {
    private final InMemoryExecutionStore store = new InMemoryExecutionStore();
    private final FlowEngine engine = FlowEngines.builder().executionStore(store).stages(TestStages.all())
            .flow(FlowDefinition.builder("f").title("T").stage(10, TestStages.ask("q", "a", "1")).build())
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void toJson_writesAuthentikKeyOrderAndOmitsAbsentParts() {
        Challenge challenge = Challenge.builder("ak-stage-password").field("allow_show_password", false).build()
                .withFlowInfo(new FlowInfo("Welcome", "", "/flows/-/cancel/", "stacked"))
                .withErrors(ResponseErrors.of("password", new ErrorDetail("Invalid password", "invalid")));
        assertThat(engine.toJson(challenge)).isEqualTo("{\"flow_info\":{\"title\":\"Welcome\",\"cancel_url\":\"/flows/-/cancel/\","
                + "\"layout\":\"stacked\"},\"component\":\"ak-stage-password\",\"response_errors\":{\"password\":"
                + "[{\"string\":\"Invalid password\",\"code\":\"invalid\"}]},\"allow_show_password\":false}");
        assertThat(engine.toJson(Challenge.of("xak-flow-redirect"))).isEqualTo("{\"component\":\"xak-flow-redirect\"}");
    }

    @Test
    void submitJson_validBody_isDecodedAndSubmitted() {
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        FlowResult result = engine.submitJson(id, "{\"component\":\"test-ask\",\"a\":\"1\"}", RequestInfo.anonymous());
        assertThat(result).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void submitJson_badBodies_answerWithErrorEnvelopeAndChangeNothing() {
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        String before = store.find(id).orElseThrow().data();
        long version = store.find(id).orElseThrow().version();
        Map<String, String> bodies = Map.of(
                "{", "Malformed JSON",
                "[1,2]", "must be a JSON object",
                "\"text\"", "must be a JSON object",
                "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", "Malformed JSON",
                "{\"a\":\"" + "x".repeat(1024 * 1024) + "\"}", "larger than 65536 bytes");
        bodies.forEach((body, message) -> {
            FlowResult result = engine.submitJson(id, body, RequestInfo.anonymous());
            assertThat(result).isInstanceOf(FlowResult.Pending.class);
            var errors = result.challenge().responseErrors().forField(ResponseErrors.NON_FIELD_ERRORS);
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.string()).contains(message);
                assertThat(error.code()).isEqualTo("parse_error");
            });
            assertThat(engine.toJson(result)).doesNotContain("tools.jackson").doesNotContain("Exception");
        });
        assertThat(store.find(id).orElseThrow().data()).isEqualTo(before);
        assertThat(store.find(id).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void submit_wrongTypesAndMissingFields_areFieldErrors() {
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        FlowResult missing = engine.submitJson(id, "{\"component\":\"ak-stage-password\"}", RequestInfo.anonymous());
        assertThat(missing.challenge().responseErrors().forField("a")).extracting(ErrorDetail::code).containsExactly("required");
        FlowResult wrongType = engine.submit(id, ChallengeResponse.of(Map.of("a", 1)), RequestInfo.anonymous());
        assertThat(wrongType.challenge().responseErrors().forField("a")).isNotEmpty();
        assertThat(wrongType.challenge().component()).isEqualTo(TestStages.ASK_COMPONENT);
    }
}
