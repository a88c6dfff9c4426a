package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ExecutionConflictException;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.ExecutionNotFoundException;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.TokenException;
import dev.flowstage.samples.host.HttpBodies.Format;
import dev.flowstage.samples.host.Sessions.FlowSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET|POST /api/v3/flows/executor/{slug}/} like authentik's flow executor. The
 * {@value Sessions#FLOW_COOKIE} cookie names the browser's flow session, which maps to one
 * execution. GET returns the current challenge, or starts a new execution when the session has
 * none for this flow (or it expired, finished or belongs to another flow). POST hands the body
 * (JSON or form) to the current stage and answers HTTP 200 with the next challenge directly, where
 * authentik answers 302 to the same URL and the client follows it with a GET: a client sees the
 * same JSON either way. Every answer is the protocol JSON of the result.
 *
 * <p>A GET whose flow query carries {@code flow_token} (a mailed link opened in the flow page) hands
 * the token to {@link FlowEngine#resume}, binds the flow session to the execution it belongs to and
 * answers its confirmation challenge; a token that cannot be used answers access denied with the
 * token's message. Reloading the link shows that execution again rather than resuming anew.
 */
final class ExecutorHandler implements HttpHandler {
    static final String PATH_PREFIX = "/api/v3/flows/executor/";
    static final String NO_EXECUTION = "there is no execution of this flow in this session; start the flow again";
    /** The flow query parameter of mailed links. */
    static final String FLOW_TOKEN = "flow_token";
    private static final Pattern PATH = Pattern.compile("/api/v3/flows/executor/([a-z0-9_-]+)/");
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorHandler.class);

    private final FlowEngine engine;
    private final Sessions sessions;
    private final HostChallenges challenges;
    private final Completion onCompleted;
    private final Function<ExecutionId, Optional<String>> flowOf;

    /** What the host does when a flow completes, before the signed-in session changes. */
    interface Completion {
        /**
         * Called for each completed execution of flow {@code slug}.
         *
         * @param signedInKey the request's signed-in session cookie value, if any
         */
        void completed(String slug, FlowResult.Completed done, Optional<String> signedInKey);
    }

    /**
     * Creates the handler.
     *
     * @param flowOf returns the slug of an execution's flow (from the execution store)
     */
    ExecutorHandler(FlowEngine engine, Sessions sessions, HostChallenges challenges, Completion onCompleted,
            Function<ExecutionId, Optional<String>> flowOf) {
        this.engine = engine;
        this.sessions = sessions;
        this.challenges = challenges;
        this.onCompleted = onCompleted;
        this.flowOf = flowOf;
    }

    /** One request: the exchange, the flow, the flow session the cookie names (if the host knows it) and the request info. */
    private record Visit(HttpExchange exchange, String slug, String sessionKey, Optional<FlowSession> session, RequestInfo request) {
        Optional<ExecutionId> executionOfThisFlow() {
            return session.filter(found -> found.slug().equals(slug)).map(FlowSession::executionId);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            HttpAnswers.detail(exchange, 404, "Not found.");
        } else if (!engine.flowSlugs().contains(path.group(1))) {
            HttpAnswers.detail(exchange, 404, "No Flow matches the given query.");
        } else if (exchange.getRequestMethod().equals("GET")) {
            guarded(visit(exchange, path.group(1)), this::get);
        } else if (exchange.getRequestMethod().equals("POST")) {
            guarded(visit(exchange, path.group(1)), this::post);
        } else {
            Routes.methodNotAllowed(exchange, "GET, POST");
        }
    }

    private Visit visit(HttpExchange exchange, String slug) {
        String key = HttpAnswers.cookie(exchange, Sessions.FLOW_COOKIE).orElse(null);
        Optional<FlowSession> session = sessions.flow(key);
        return new Visit(exchange, slug, session.isPresent() ? key : null, session, Routes.requestInfo(exchange, sessions));
    }

    private void get(Visit visit) throws IOException {
        String token = visit.request().query().getOrDefault(FLOW_TOKEN, "");
        if (!token.isEmpty()) {
            resume(visit, token);
            return;
        }
        Optional<FlowResult> pending = visit.executionOfThisFlow().flatMap(this::pendingResult);
        if (pending.isEmpty()) {
            visit.session().filter(other -> !other.slug().equals(visit.slug())).ifPresent(this::cancelQuietly);
        }
        answer(visit, pending.orElseGet(() -> start(visit)));
    }

    private void post(Visit visit) throws IOException {
        byte[] body;
        try {
            body = HttpBodies.read(visit.exchange());
        } catch (HttpBodies.TooLarge e) {
            Routes.tooLarge(visit.exchange(), e);
            return;
        }
        String contentType = visit.exchange().getRequestHeaders().getFirst("Content-Type");
        Optional<Format> format = HttpBodies.format(contentType, body.length);
        if (format.isEmpty()) {
            Routes.unsupportedMediaType(visit.exchange(), contentType);
            return;
        }
        submit(visit, format.get(), body);
    }

    private void submit(Visit visit, Format format, byte[] body) throws IOException {
        Optional<ExecutionId> id = visit.executionOfThisFlow();
        if (id.isEmpty()) {
            denied(visit, NO_EXECUTION);
            return;
        }
        try {
            FlowResult result = submit(id.get(), format, body, visit.request());
            if (!result.executionId().equals(id.get())) {
                // a confirmed email link moves the execution to a new id, bound to this browser only;
                // keep the link's digest so that reloading the link shows the current step
                String digest = visit.session().map(FlowSession::tokenDigest).orElse("");
                sessions.putFlow(visit.sessionKey(), new FlowSession(visit.slug(), result.executionId(), digest));
            }
            answer(visit, result);
        } catch (ExecutionNotFoundException e) {
            denied(visit, e.getMessage());
        } catch (ExecutionConflictException e) {
            answer(visit, HostChallenges.withError(engine.current(id.get()), e.getMessage(), "conflict"));
        }
    }

    /** Answers with access denied: the POST has no execution to continue (unknown, expired, finished, other flow). */
    private void denied(Visit visit, String message) throws IOException {
        HttpAnswers.json(visit.exchange(), 200, challenges.accessDenied(visit.slug(), visit.request().query(), message));
    }

    private FlowResult submit(ExecutionId id, Format format, byte[] body, RequestInfo request) {
        String text = HttpBodies.text(body);
        switch (format) {
            case JSON:
                return engine.submitJson(id, text, request);
            case FORM:
                try {
                    return engine.submit(id, ChallengeResponse.of(HttpBodies.decodePairs(text)), request);
                } catch (IllegalArgumentException e) {
                    return HostChallenges.withError(engine.current(id), "Malformed form body.", "parse_error");
                }
            default:
                return engine.submit(id, ChallengeResponse.empty(), request);
        }
    }

    /** Returns the execution's current challenge if it is still waiting for a response. */
    private Optional<FlowResult> pendingResult(ExecutionId id) {
        try {
            return Optional.of(engine.current(id)).filter(result -> !result.isFinished());
        } catch (ExecutionNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Shows the execution a mailed link belongs to: again if this session already resumed it, else through the engine. */
    private void resume(Visit visit, String token) throws IOException {
        String digest = digest(token);
        Optional<FlowResult> again = visit.session()
                .filter(found -> found.slug().equals(visit.slug()) && found.tokenDigest().equals(digest))
                .flatMap(found -> pendingResult(found.executionId()));
        if (again.isPresent()) {
            answer(visit, confirmationAgain(visit, token, again.get()));
            return;
        }
        FlowResult resumed;
        try {
            resumed = engine.resume(token, visit.request());
        } catch (TokenException e) {
            denied(visit, e.getMessage());
            return;
        }
        if (!flowOf.apply(resumed.executionId()).filter(visit.slug()::equals).isPresent()) {
            denied(visit, TokenException.Reason.FOREIGN.message());
            return;
        }
        visit.session().filter(other -> !other.executionId().equals(resumed.executionId())).ifPresent(this::cancelQuietly);
        bind(visit, new FlowSession(visit.slug(), resumed.executionId(), digest));
        answer(visit, resumed);
    }

    /**
     * Returns what a reload of a mailed link shows: the confirmation again while the token is
     * unused, else (it was confirmed and the flow moved on) the execution's current step.
     */
    private FlowResult confirmationAgain(Visit visit, String token, FlowResult current) {
        try {
            FlowResult resumed = engine.resume(token, visit.request());
            return resumed.executionId().equals(current.executionId()) ? resumed : current;
        } catch (TokenException e) {
            return current;
        }
    }

    /** Returns the SHA-256 of {@code token} in hex: what the session keeps instead of the token. */
    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private FlowResult start(Visit visit) {
        FlowResult result = engine.start(visit.slug(), visit.request());
        bind(visit, new FlowSession(visit.slug(), result.executionId()));
        return result;
    }

    /** Points the browser's flow session at {@code session}, issuing the cookie when the browser has none. */
    private void bind(Visit visit, FlowSession session) {
        String key = sessions.putFlow(visit.sessionKey(), session);
        if (!key.equals(visit.sessionKey())) {
            HttpAnswers.setCookie(visit.exchange(), Sessions.FLOW_COOKIE, key, Duration.ZERO);
        }
    }

    /** authentik discards another flow's plan when a session starts a different flow; so do we. */
    private void cancelQuietly(FlowSession other) {
        try {
            engine.cancel(other.executionId());
        } catch (RuntimeException e) {
            LOG.debug("cancelling execution of flow '{}' failed", other.slug(), e);
        }
    }

    private void answer(Visit visit, FlowResult result) throws IOException {
        if (result instanceof FlowResult.Completed done) {
            completed(visit, done);
        }
        HttpAnswers.json(visit.exchange(), 200, engine.toJson(result));
    }

    /**
     * Ends or creates the host's own signed-in session, as the completed flow says: a logout ends
     * it; a login replaces it with a new session (a new cookie value) lasting the login's duration.
     */
    private void completed(Visit visit, FlowResult.Completed done) {
        HttpExchange exchange = visit.exchange();
        Optional<String> signedIn = HttpAnswers.cookie(exchange, Sessions.AUTH_COOKIE);
        onCompleted.completed(visit.slug(), done, signedIn);
        if (done.logout() || done.login().isPresent()) {
            signedIn.ifPresent(sessions::signOut);
        }
        if (done.logout() && done.login().isEmpty()) {
            HttpAnswers.clearCookie(exchange, Sessions.AUTH_COOKIE);
        }
        done.login().ifPresent(login -> HttpAnswers.setCookie(exchange, Sessions.AUTH_COOKIE,
                sessions.signIn(login.userId(), login.sessionDuration()), login.sessionDuration()));
    }

    private interface Step {
        void run(Visit visit) throws IOException;
    }

    /** Runs {@code step}; an unexpected error becomes an {@value HostChallenges#FLOW_ERROR} challenge with a request id, never a trace. */
    private void guarded(Visit visit, Step step) throws IOException {
        try {
            step.run(visit);
        } catch (RuntimeException e) {
            String requestId = challenges.newRequestId();
            LOG.error("flow '{}' failed, request id {}", visit.slug(), requestId, e);
            if (visit.exchange().getResponseCode() == -1) {
                HttpAnswers.json(visit.exchange(), 200, challenges.flowError(requestId));
            }
        }
    }
}
