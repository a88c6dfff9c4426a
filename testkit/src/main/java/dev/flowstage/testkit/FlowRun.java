package dev.flowstage.testkit;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ExecutionConflictException;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a flow driven by a sequence of responses, for property tests: the responses actually
 * sent (the sequence stops early when the execution ends) and every result, in order.
 *
 * @param sent the responses that were submitted
 * @param results the start result followed by one result per submitted response
 */
public record FlowRun(List<Map<String, Object>> sent, List<FlowResult> results) {

    /** Copies the parts. */
    public FlowRun {
        sent = List.copyOf(sent);
        results = List.copyOf(results);
    }

    /** Starts flow {@code slug} on {@code kit} and submits {@code responses} until the execution ends. */
    public static FlowRun drive(FlowKit kit, String slug, List<Map<String, Object>> responses) {
        List<FlowResult> results = new ArrayList<>();
        List<Map<String, Object>> sent = new ArrayList<>();
        FlowResult result = kit.engine().start(slug, RequestInfo.anonymous());
        results.add(result);
        for (Map<String, Object> response : responses) {
            if (result.isFinished()) {
                break;
            }
            try {
                result = kit.engine().submit(result.executionId(), ChallengeResponse.of(response), RequestInfo.anonymous());
            } catch (ExecutionConflictException e) {
                throw new AssertionError("a single-threaded run cannot conflict", e);
            }
            sent.add(response);
            results.add(result);
        }
        return new FlowRun(sent, results);
    }

    /** Returns the last result. */
    public FlowResult last() {
        return results.get(results.size() - 1);
    }

    /** Returns the completion, if the run completed. */
    public Optional<FlowResult.Completed> completed() {
        return last() instanceof FlowResult.Completed completed ? Optional.of(completed) : Optional.empty();
    }

    /** Returns whether the run completed with a login. */
    public boolean loggedIn() {
        return completed().flatMap(FlowResult.Completed::login).isPresent();
    }

    /** Returns the credential stages the run's context says were verified (empty unless completed). */
    public List<String> verifiedCredentials() {
        return completed().flatMap(done -> done.context().get(ContextKeys.VERIFIED_CREDENTIALS)).orElse(List.of());
    }
}
