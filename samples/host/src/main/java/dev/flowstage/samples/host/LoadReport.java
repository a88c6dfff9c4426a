package dev.flowstage.samples.host;

import dev.flowstage.samples.host.LatencySamples.Latency;
import dev.flowstage.samples.host.LoadClient.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one run of {@link LoadDriver} measured: the journeys that ended in a sign-in within the
 * measured window, their latency, the latency of each request, and every failed journey (warm-up
 * included). {@link #table()} prints it. Immutable.
 *
 * @param target what was driven, such as {@code in-process demo host http://127.0.0.1:41234}
 * @param options how it was driven
 * @param journeys the sign-in latency of each measured journey (first request to the redirect)
 * @param requests the latency of each request of the measured journeys, by step (without
 *     {@link Step#VERIFY} when verification was off)
 * @param allRequests the latency of all those requests together
 * @param loginsByUser measured journeys by the user that signed in
 * @param errors failed journeys, warm-up included
 * @param firstError the message of the first failed journey of the first client that had one, if any
 */
record LoadReport(String target, LoadOptions options, Latency journeys, Map<Step, Latency> requests, Latency allRequests,
        Map<String, Integer> loginsByUser, int errors, Optional<String> firstError) {

    LoadReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(journeys, "journeys");
        requests = Map.copyOf(requests);
        Objects.requireNonNull(allRequests, "allRequests");
        loginsByUser = Map.copyOf(loginsByUser);
        Objects.requireNonNull(firstError, "firstError");
    }

    /** Returns the report of {@code clients} after they ended. */
    static LoadReport of(String target, LoadOptions options, List<LoadClient> clients) {
        LatencySamples journeys = new LatencySamples();
        LatencySamples all = new LatencySamples();
        Map<Step, LatencySamples> byStep = new EnumMap<>(Step.class);
        Map<String, Integer> byUser = new TreeMap<>();
        for (LoadClient client : clients) {
            journeys.addAll(client.journeys());
            client.steps().forEach((step, samples) -> byStep.computeIfAbsent(step, unused -> new LatencySamples()).addAll(samples));
            client.steps().values().forEach(all::addAll);
            byUser.merge(client.username(), client.journeys().count(), Integer::sum);
        }
        Map<Step, Latency> requests = new EnumMap<>(Step.class);
        byStep.forEach((step, samples) -> requests.put(step, samples.summary()));
        if (!options.verify()) {
            requests.remove(Step.VERIFY);
        }
        return new LoadReport(target, options, journeys.summary(), requests, all.summary(), byUser,
                clients.stream().mapToInt(LoadClient::errors).sum(),
                clients.stream().map(LoadClient::firstError).flatMap(Optional::stream).findFirst());
    }

    /** Returns how many journeys ended in a sign-in within the measured window. */
    int logins() {
        return journeys.count();
    }

    /** Returns the measured sign-ins per second of the measured window. */
    double loginsPerSecond() {
        return logins() / (options.duration().toNanos() / 1e9);
    }

    /** Returns the report as a few lines of text with two tables, in milliseconds. */
    String table() {
        List<String> lines = new ArrayList<>(List.of(
                "Flowstage load driver: " + target,
                line("  clients %d, users %d, warm-up %s, measured %s, sign-in verified with GET users/me: %s",
                        options.clients(), loginsByUser.size(), seconds(options.warmup()), seconds(options.duration()),
                        options.verify() ? "yes" : "no"),
                "",
                line("%9s %7s %9s %8s %8s %8s %8s", "journeys", "errors", "logins/s", "p50 ms", "p90 ms", "p99 ms", "max ms"),
                line("%9d %7d %9.1f %s", logins(), errors, loginsPerSecond(), millis(journeys)),
                "",
                line("%-31s %8s %8s %8s %8s %8s", "request", "count", "p50 ms", "p90 ms", "p99 ms", "max ms")));
        for (Step step : Step.values()) {
            if (requests.containsKey(step)) {
                lines.add(line("%-31s %8d %s", step.label, requests.get(step).count(), millis(requests.get(step))));
            }
        }
        lines.add(line("%-31s %8d %s", "all requests", allRequests.count(), millis(allRequests)));
        firstError.ifPresent(message -> lines.add(line("%nfirst error (of %d): %s", errors, message)));
        return String.join("\n", lines);
    }

    private static String millis(Latency latency) {
        return line("%8.2f %8.2f %8.2f %8.2f", Latency.millis(latency.p50()), Latency.millis(latency.p90()),
                Latency.millis(latency.p99()), Latency.millis(latency.max()));
    }

    private static String seconds(Duration duration) {
        return line("%.1fs", duration.toMillis() / 1000.0);
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
