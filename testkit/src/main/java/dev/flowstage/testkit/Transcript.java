package dev.flowstage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The record of one scenario: what was sent and what came back, printed when an expectation fails.
 * Challenges are also appended, one JSON object a line, to {@code <dir>/<name>.jsonl} when a
 * directory is configured (system property {@code flowstage.transcripts}), so that a build can
 * check them against the protocol schema. Values of secret-looking fields are redacted.
 */
public final class Transcript {
    private static final Set<String> SECRET_HINTS = Set.of("password", "code", "token", "secret");
    private static final Object FILE_LOCK = new Object();
    private final List<String> lines = new ArrayList<>();
    private final Path file;

    Transcript(Path file) {
        this.file = file;
    }

    /** Returns a transcript that appends challenges to {@code <flowstage.transcripts>/<name>.jsonl}, if configured. */
    static Transcript named(String name) {
        String dir = System.getProperty("flowstage.transcripts");
        return new Transcript(dir == null || dir.isBlank() ? null : Path.of(dir, sanitize(name) + ".jsonl"));
    }

    void request(String description) {
        lines.add("> " + description);
    }

    void answer(Map<String, Object> data) {
        Map<String, Object> shown = new TreeMap<>();
        data.forEach((key, value) -> shown.put(key, isSecret(key) ? "[redacted]" : value));
        lines.add("> answer " + shown);
    }

    void challenge(String json) {
        lines.add("< " + json);
        if (file != null) {
            append(json);
        }
    }

    void note(String text) {
        lines.add("  " + text);
    }

    /** Returns the transcript as text, one step a line. */
    public String render() {
        return String.join("\n", lines);
    }

    private void append(String json) {
        synchronized (FILE_LOCK) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write transcript " + file, e);
            }
        }
    }

    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_HINTS.stream().anyMatch(lower::contains);
    }

    private static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
