package dev.flowstage.core.internal.blueprint;

import dev.flowstage.core.blueprint.Blueprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds blueprints for meta applies: by name among the registered blueprints and the {@code .yaml}
 * files of the applying blueprint's folder (dot paths skipped, as authentik does), or by path
 * inside that folder.
 */
public final class Catalogs {
    private Catalogs() {}

    static ImportRun.Catalog of(List<Blueprint> registered) {
        return (name, path, from) -> path != null ? byPath(path, from, registered) : byName(name, from, registered);
    }

    private static Optional<Blueprint> byPath(String path, Document from, List<Blueprint> registered) {
        if (from.folder() != null) {
            Path file = from.folder().resolve(path).normalize();
            if (file.startsWith(from.folder()) && Files.isRegularFile(file)) {
                return Optional.of(Blueprint.of(file));
            }
            return Optional.empty();
        }
        return registered.stream().filter(blueprint -> blueprint.source().endsWith(path)).findFirst();
    }

    private static Optional<Blueprint> byName(String name, Document from, List<Blueprint> registered) {
        Optional<Blueprint> found = registered.stream().filter(blueprint -> name.equals(nameOf(blueprint))).findFirst();
        if (found.isPresent() || from.folder() == null) {
            return found;
        }
        return files(from.folder()).map(Blueprint::of).filter(blueprint -> name.equals(nameOf(blueprint))).findFirst();
    }

    /** Returns the blueprint files under {@code folder}, sorted, skipping dot paths. */
    public static Stream<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yaml") || file.getFileName().toString().endsWith(".yml"))
                    .filter(file -> !hidden(folder.relativize(file)))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list blueprints in " + folder, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether {@code blueprint} should be applied when its folder is watched: not when its
     * label {@code blueprints.goauthentik.io/instantiate} is {@code "false"}, as authentik's examples are.
     */
    public static boolean instantiate(Blueprint blueprint) {
        YamlLoader.Loaded loaded = YamlLoader.load(blueprint.source(), blueprint.folder(), blueprint.text());
        return !loaded.ok() || !"false".equals(loaded.document().labels().get("blueprints.goauthentik.io/instantiate"));
    }

    /** Returns the metadata name of {@code blueprint}, or null when it does not load. */
    static String nameOf(Blueprint blueprint) {
        YamlLoader.Loaded loaded = YamlLoader.load(blueprint.source(), blueprint.folder(), blueprint.text());
        return loaded.ok() ? loaded.document().name() : null;
    }
}
