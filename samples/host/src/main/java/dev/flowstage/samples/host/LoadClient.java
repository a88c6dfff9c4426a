package dev.flowstage.samples.host;

import dev.flowstage.api.Secret;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated browser of {@link LoadDriver}: a loop of full sign-in journeys over HTTP/1.1 as one
 * user, each with an emptied cookie jar (a fresh session) on a kept-alive connection. A journey is
 * GET the flow, POST the identification, POST the password, which must answer
 * {@code xak-flow-redirect} and set the {@value Sessions#AUTH_COOKIE} cookie, then (unless switched
 * off) GET {@code /api/v3/core/users/me/}, which must name the user. Not thread-safe: one thread runs
 * it, and reads its results after it ended.
 */
final class LoadClient implements Runnable {
    /** authentik's default sign-in flow, which the demo host serves. */
    static final String FLOW_PATH = ExecutorHandler.PATH_PREFIX + "default-authentication-flow/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The requests of a journey, in order. */
    enum Step {
        START("GET  executor (start)"),
        IDENTIFY("POST executor (identification)"),
        PASSWORD("POST executor (password)"),
        VERIFY("GET  users/me (verify)");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /**
     * When journeys count, in {@link System#nanoTime()} ticks: a journey is measured when its sign-in
     * ends in {@code [from, until)}; no journey starts at or after {@code until}.
     */
    record Window(long from, long until) {
        boolean measures(long tick) {
            return tick - from >= 0 && tick - until < 0;
        }
    }

    private final URI base;
    private final String username;
    private final Secret password;
    private final boolean verify;
    private final Window window;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final LatencySamples journeys = new LatencySamples();
    private final Map<Step, LatencySamples> steps = new EnumMap<>(Step.class);
    private int errors;
    private String firstError;

    LoadClient(URI base, String username, Secret password, boolean verify, Window window) {
        this.base = base;
        this.username = username;
        this.password = password;
        this.verify = verify;
        this.window = window;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        for (Step step : Step.values()) {
            steps.put(step, new LatencySamples());
        }
    }

    /** Runs journeys until the window ends or the thread is interrupted. */
    @Override
    public void run() {
        // wall-clock latency is what is measured here, so the monotonic JVM ticker, not an injected Clock
        while (System.nanoTime() - window.until() < 0 && !Thread.currentThread().isInterrupted()) {
            long[] took = new long[Step.values().length];
            long started = System.nanoTime();
            try {
                long signedIn = journey(took);
                if (window.measures(signedIn)) {
                    record(signedIn - started, took);
                }
            } catch (JourneyFailed e) {
                errors++;
                firstError = firstError == null ? e.getMessage() : firstError;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs one journey; returns the tick at which the sign-in ended (before the verification). */
    long journey(long[] took) throws JourneyFailed, InterruptedException {
        cookies.getCookieStore().removeAll();
        expect(Step.START, request(FLOW_PATH).GET(), "ak-stage-identification", took);
        expect(Step.IDENTIFY, post(body("ak-stage-identification", "uid_field", username)), "ak-stage-password", took);
        HttpResponse<String> done = expect(Step.PASSWORD, post(body("ak-stage-password", "password", password.reveal())),
                "xak-flow-redirect", took);
        long signedIn = System.nanoTime();
        if (done.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(Sessions.AUTH_COOKIE + "="))) {
            throw new JourneyFailed(Step.PASSWORD, "the redirect set no " + Sessions.AUTH_COOKIE + " cookie");
        }
        if (verify) {
            verifyUser(took);
        }
        return signedIn;
    }

    private void verifyUser(long[] took) throws JourneyFailed, InterruptedException {
        HttpResponse<String> me = send(Step.VERIFY, request(MeHandler.PATH).GET().build(), took);
        String signedIn = me.statusCode() == 200 ? json(Step.VERIFY, me).path("user").path("username").asString() : "";
        if (!signedIn.equals(username)) {
            throw new JourneyFailed(Step.VERIFY, "expected HTTP 200 naming " + username + ", got HTTP " + me.statusCode()
                    + " " + abbreviate(me.body()));
        }
    }

    private HttpResponse<String> expect(Step step, HttpRequest.Builder request, String component, long[] took)
            throws JourneyFailed, InterruptedException {
        HttpResponse<String> response = send(step, request.build(), took);
        JsonNode json = json(step, response);
        if (response.statusCode() != 200 || !component.equals(json.path("component").asString())) {
            throw new JourneyFailed(step, "expected HTTP 200 and " + component + ", got HTTP " + response.statusCode()
                    + " " + describe(json));
        }
        return response;
    }

    private HttpResponse<String> send(Step step, HttpRequest request, long[] took) throws JourneyFailed, InterruptedException {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            took[step.ordinal()] = System.nanoTime() - sent;
            return response;
        } catch (IOException e) {
            throw new JourneyFailed(step, "I/O error: " + e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    private HttpRequest.Builder post(String json) {
        return request(FLOW_PATH).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String body(String component, String field, String value) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("component", component);
        body.put(field, value);
        return JSON.writeValueAsString(body);
    }

    private static JsonNode json(Step step, HttpResponse<String> response) throws JourneyFailed {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new JourneyFailed(step, "expected JSON, got HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
    }

    /** The component and whatever explains it: field errors, an access-denied message, an API error's detail. */
    private static String describe(JsonNode json) {
        StringBuilder text = new StringBuilder(json.path("component").asString("(no component)"));
        for (String field : new String[] {"response_errors", "error_message", "detail"}) {
            if (json.has(field)) {
                text.append(' ').append(field).append('=').append(abbreviate(json.get(field).toString()));
            }
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private void record(long journey, long[] took) {
        journeys.add(journey);
        for (Step step : Step.values()) {
            if (step != Step.VERIFY || verify) {
                steps.get(step).add(took[step.ordinal()]);
            }
        }
    }

    /** Returns the user this client signs in as. */
    String username() {
        return username;
    }

    /** Returns the sign-in latency of each measured journey (from the first request to the redirect). */
    LatencySamples journeys() {
        return journeys;
    }

    /** Returns the latency of each request of the measured journeys, by step. */
    Map<Step, LatencySamples> steps() {
        return steps;
    }

    /** Returns how many journeys failed (in the warm-up too). */
    int errors() {
        return errors;
    }

    /** Returns the message of the first failed journey, if any. */
    Optional<String> firstError() {
        return Optional.ofNullable(firstError);
    }

    /** A journey did not end in a verified sign-in; the message names the step and what was answered. */
    static final class JourneyFailed extends Exception {
        private static final long serialVersionUID = 1L;

        JourneyFailed(Step step, String message) {
            super("step " + step.name().toLowerCase(Locale.ROOT) + ": " + message, null, false, false);
        }
    }
}
