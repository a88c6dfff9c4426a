package dev.flowstage.testkit;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.Login;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A journey through one execution that reads like the journey: expect a challenge, answer it,
 * expect errors, expect the outcome. Every expectation that fails throws an {@link AssertionError}
 * carrying the whole transcript. Not thread-safe: one scenario per execution.
 */
public final class Scenario {
    private final FlowEngine engine;
    private final TestUsers users;
    private final Transcript transcript;
    private final RequestInfo request;
    private FlowResult result;

    Scenario(FlowEngine engine, TestUsers users, Transcript transcript, RequestInfo request, String slug) {
        this.engine = engine;
        this.users = users;
        this.transcript = transcript;
        this.request = request;
        transcript.request("start " + slug);
        record(engine.start(slug, request));
    }

    /** Returns the latest result. */
    public FlowResult result() {
        return result;
    }

    /** Returns the latest challenge. */
    public Challenge challenge() {
        return result.challenge();
    }

    /** Returns the transcript so far. */
    public Transcript transcript() {
        return transcript;
    }

    /** Expects the execution to wait with a challenge of {@code component}. */
    public Scenario expect(String component) {
        check(result instanceof FlowResult.Pending, "expected a pending challenge " + component + " but the execution ended");
        check(component.equals(challenge().component()), "expected challenge " + component + " but got " + challenge().component());
        return this;
    }

    /** Expects the current challenge's field {@code name} to equal {@code value}. */
    public Scenario expectField(String name, Object value) {
        check(challenge().fields().containsKey(name), "expected field '" + name + "' in the challenge");
        check(Objects.equals(value, challenge().field(name)),
                "expected field '" + name + "' = " + value + " but was " + challenge().field(name));
        return this;
    }

    /** Sends {@code data} as the response to the current challenge. */
    public Scenario answer(Map<String, ?> data) {
        ChallengeResponse response = ChallengeResponse.of(data);
        transcript.answer(response.data());
        record(engine.submit(result.executionId(), response, request));
        return this;
    }

    /** Sends {@code json} as a raw protocol body. */
    public Scenario answerJson(String json) {
        transcript.request("raw body of " + json.length() + " chars");
        record(engine.submitJson(result.executionId(), json, request));
        return this;
    }

    /** Expects field {@code field} to carry an error with {@code code}. */
    public Scenario expectFieldError(String field, String code) {
        List<ErrorDetail> errors = challenge().responseErrors().forField(field);
        check(errors.stream().anyMatch(error -> error.code().equals(code)),
                "expected an error with code '" + code + "' on field '" + field + "' but got " + challenge().responseErrors());
        return this;
    }

    /** Expects field {@code field} to carry exactly the error {@code message} with {@code code}. */
    public Scenario expectFieldError(String field, String code, String message) {
        List<ErrorDetail> errors = challenge().responseErrors().forField(field);
        check(errors.contains(new ErrorDetail(message, code)),
                "expected error {" + message + ", " + code + "} on field '" + field + "' but got " + challenge().responseErrors());
        return this;
    }

    /** Expects the latest challenge to carry no errors. */
    public Scenario expectNoErrors() {
        check(challenge().responseErrors().isEmpty(), "expected no errors but got " + challenge().responseErrors());
        return this;
    }

    /** Expects the flow to have completed. */
    public FlowResult.Completed expectCompleted() {
        check(result instanceof FlowResult.Completed, "expected the flow to complete but got " + describe());
        return (FlowResult.Completed) result;
    }

    /** Expects the flow to have completed with a login of a user, handed to {@code assertions}. */
    public Scenario expectCompleted(Consumer<User> assertions) {
        FlowResult.Completed completed = expectCompleted();
        Login login = completed.login().orElseThrow(() -> failure("expected a login but the flow completed without one"));
        User user = users.findById(login.userId()).orElseThrow(() -> failure("logged-in user " + login.userId() + " is unknown"));
        run(() -> assertions.accept(user));
        return this;
    }

    /** Expects the flow to have been denied. */
    public FlowResult.Denied expectDenied() {
        check(result instanceof FlowResult.Denied, "expected the flow to be denied but got " + describe());
        return (FlowResult.Denied) result;
    }

    /** Expects the flow to have been denied with {@code message}. */
    public Scenario expectDenied(String message) {
        FlowResult.Denied denied = expectDenied();
        check(message.equals(denied.message()), "expected denial '" + message + "' but got '" + denied.message() + "'");
        return this;
    }

    /** Runs {@code assertions} on the latest result, adding the transcript to any failure. */
    public Scenario verify(Consumer<FlowResult> assertions) {
        run(() -> assertions.accept(result));
        return this;
    }

    private void record(FlowResult next) {
        result = next;
        transcript.challenge(engine.toJson(next));
    }

    private String describe() {
        return result.getClass().getSimpleName() + " " + challenge().component();
    }

    private void check(boolean condition, String message) {
        if (!condition) {
            throw failure(message);
        }
    }

    private void run(Runnable assertions) {
        try {
            assertions.run();
        } catch (AssertionError e) {
            AssertionError wrapped = failure(e.getMessage());
            wrapped.initCause(e);
            throw wrapped;
        }
    }

    private AssertionError failure(String message) {
        return new AssertionError(message + "\n--- transcript ---\n" + transcript.render());
    }
}
