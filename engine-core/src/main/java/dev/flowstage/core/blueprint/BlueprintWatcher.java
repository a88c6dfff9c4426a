package dev.flowstage.core.blueprint;

import dev.flowstage.core.internal.blueprint.Catalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the blueprints of a folder (and its sub-folders, skipping dot paths) when they change.
 *
 * <p>{@link #rescan()} applies every {@code .yaml} file that is new or whose content changed since
 * the last scan, each file atomically; a broken file is reported to the listener and logged, and
 * leaves the running configuration as it was. Files labelled
 * {@code blueprints.goauthentik.io/instantiate: "false"} are skipped, as authentik does.
 * {@link #start()} watches the folder with a {@link WatchService} on a daemon thread that calls
 * {@link #rescan()} after every change; tests call {@link #rescan()} directly. Deleting a file
 * does not delete what it created. Thread-safe.
 */
public final class BlueprintWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlueprintWatcher.class);

    /** Told what a scan did with each changed file. */
    public interface Listener {
        /** Called when {@code file} was applied; {@code result} lists its changes. */
        void applied(Path file, BlueprintResult result);

        /** Called when {@code file} could not be applied; {@code result} lists its problems. Nothing changed. */
        void failed(Path file, BlueprintResult result);
    }

    private final Blueprints blueprints;
    private final Path folder;
    private final Listener listener;
    private final Map<Path, String> seen = new HashMap<>();
    private WatchService watcher;
    private Thread thread;

    BlueprintWatcher(Blueprints blueprints, Path folder, Listener listener) {
        this.blueprints = Objects.requireNonNull(blueprints, "blueprints");
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Applies every blueprint file that is new or changed since the last scan, in path order; returns
     * the files it applied or reported.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public synchronized List<Path> rescan() {
        List<Path> handled = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> stream = Catalogs.files(folder)) {
            files = stream.toList();
        }
        seen.keySet().retainAll(files);
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("cannot read blueprint {}: {}", file, e.getMessage());
                continue;
            }
            String hash = sha256(text);
            if (hash.equals(seen.put(file, hash))) {
                continue;
            }
            handled.add(file);
            apply(file, new Blueprint(folder.relativize(file).toString(), file.getParent(), text));
        }
        return handled;
    }

    private void apply(Path file, Blueprint blueprint) {
        if (!blueprint.instantiate()) {
            LOG.debug("blueprint {} is labelled instantiate: false; not applied", file);
            return;
        }
        BlueprintResult result = blueprints.apply(blueprint);
        if (result.ok()) {
            LOG.info("applied blueprint {}: {} changes, deployed {}", file, result.effectiveChanges().size(), result.deployed());
            listener.applied(file, result);
        } else {
            LOG.warn("blueprint {} was not applied; the running configuration is unchanged:\n  {}", file,
                    String.join("\n  ", result.problems().stream().map(BlueprintProblem::toString).toList()));
            listener.failed(file, result);
        }
    }

    /**
     * Scans once, then watches the folder on a daemon thread, rescanning after every change.
     *
     * @throws IllegalStateException when already started
     * @throws UncheckedIOException when the folder cannot be watched
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the watcher of " + folder + " is already started");
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            registerAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder, e);
        }
        rescan();
        thread = new Thread(this::loop, "flowstage-blueprint-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerAll() throws IOException {
        try (Stream<Path> dirs = Files.walk(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop() {
        while (true) {
            try {
                WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
                registerAll();
                rescan();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("watching blueprints in {} failed; watching goes on", folder, e);
            }
        }
    }

    /** Stops watching; a scan in progress finishes. */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service failed", e);
        }
        thread = null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
