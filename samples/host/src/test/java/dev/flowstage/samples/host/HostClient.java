package dev.flowstage.samples.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser stand-in for the tests: an {@link HttpClient} with its own cookie jar that does not
 * follow redirects. Every challenge it receives is appended to
 * {@code ${flowstage.transcripts}/DemoHostTest.jsonl} for the protocol conformance check.
 */
final class HostClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Object TRANSCRIPT_LOCK = new Object();
    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** The status, headers and body of one answer. */
    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String component() {
            return json().path("component").asString();
        }

        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        Optional<String> setCookie(String name) {
            return setCookies().stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst();
        }
    }

    HostClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Answer get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    Answer postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Answer postForm(String path, String form) {
        return post(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    Answer post(String path, String contentType, byte[] body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Answer send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Returns the value of cookie {@code name} in the jar. */
    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.headers(), response.body());
            record(answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Appends {@code answer} to the transcript when it is a challenge (a JSON object with a component). */
    private static void record(Answer answer) {
        String dir = System.getProperty("flowstage.transcripts");
        boolean json = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (dir == null || dir.isBlank() || !json || !answer.json().has("component")) {
            return;
        }
        Path file = Path.of(dir, "DemoHostTest.jsonl");
        synchronized (TRANSCRIPT_LOCK) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, answer.body().strip() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write transcript " + file, e);
            }
        }
    }
}
