package dev.flowstage.core.blueprint;

import dev.flowstage.core.internal.blueprint.Catalogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The text of one blueprint and where it came from. Parsing happens when it is validated or
 * applied, so a broken file is reported as problems rather than thrown here. Immutable.
 *
 * @param source how messages name the blueprint: a file path or a label
 * @param folder the folder {@code !File} paths are relative to and that {@code !File} may not
 *     leave, and where meta-applied blueprints are looked for; null for blueprints without one
 * @param text the YAML text
 */
public record Blueprint(String source, Path folder, String text) {

    /** Validates the parts. */
    public Blueprint {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /**
     * Returns the blueprint in {@code file}, read as UTF-8; {@code !File} paths are relative to its folder.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Blueprint of(Path file) {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            return new Blueprint(file.toString(), absolute.getParent(), Files.readString(absolute, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blueprint " + file, e);
        }
    }

    /** Returns a blueprint named {@code source} with {@code yaml} as its text and no folder. */
    public static Blueprint of(String source, String yaml) {
        return new Blueprint(source, null, yaml);
    }

    /**
     * Returns the classpath resource {@code name} of {@code loader} as a blueprint without a folder.
     *
     * @throws IllegalArgumentException when there is no such resource
     * @throws UncheckedIOException when it cannot be read
     */
    public static Blueprint resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no blueprint resource '" + name + "' on the classpath");
            }
            return new Blueprint("classpath:" + name, null, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blueprint resource " + name, e);
        }
    }

    /**
     * Returns the blueprints of every {@code .yaml} and {@code .yml} file below {@code folder} (files
     * and folders whose names start with a dot excluded), in path order, as a watcher sees them;
     * none when {@code folder} does not exist.
     *
     * @throws UncheckedIOException when the folder or a file cannot be read
     */
    public static List<Blueprint> allIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Catalogs.files(folder)) {
            return files.map(Blueprint::of).toList();
        }
    }

    /** Returns the folder, if the blueprint has one. */
    public Optional<Path> folderPath() {
        return Optional.ofNullable(folder);
    }

    /**
     * Returns whether this blueprint is applied when its folder is read (by a watcher or a host): not
     * when it is labelled {@code blueprints.goauthentik.io/instantiate: "false"}, as authentik's
     * examples are (they are only meta-applied). A blueprint that does not load counts as applied,
     * so that its problems are reported.
     */
    public boolean instantiate() {
        return Catalogs.instantiate(this);
    }

    /** Returns the source and size, not the text. */
    @Override
    public String toString() {
        return "Blueprint[" + source + ", " + text.length() + " chars]";
    }
}
