package dev.flowstage.core.internal.exec;

import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.internal.compile.CompiledFlow;
import dev.flowstage.core.internal.compile.FlowCompiler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled flows: the current version of each slug, and every version executions may still be
 * pinned to. Thread-safe; deploying swaps the current version atomically.
 */
final class FlowRegistry {
    private final FlowCompiler compiler;
    private final Map<String, CompiledFlow> current = new ConcurrentHashMap<>();
    private final Map<String, CompiledFlow> versions = new ConcurrentHashMap<>();

    FlowRegistry(FlowCompiler compiler) {
        this.compiler = compiler;
    }

    CompiledFlow deploy(FlowDefinition definition) {
        CompiledFlow existing = current.get(definition.slug());
        if (existing != null && existing.definition().equals(definition)) {
            return existing;
        }
        CompiledFlow compiled = compiler.compile(definition);
        CompiledFlow pinned = versions.merge(key(compiled.slug(), compiled.version()), compiled,
                (old, fresh) -> old.definition().equals(fresh.definition()) ? old : fresh);
        current.put(definition.slug(), pinned);
        return pinned;
    }

    /** Compiles {@code definition} without making it current; throws as {@link #deploy} would. */
    void check(FlowDefinition definition) {
        CompiledFlow existing = current.get(definition.slug());
        if (existing == null || !existing.definition().equals(definition)) {
            compiler.compile(definition);
        }
    }

    /** Removes the current version of {@code slug}; pinned versions stay for running executions. */
    boolean undeploy(String slug) {
        return current.remove(slug) != null;
    }

    Optional<CompiledFlow> current(String slug) {
        return Optional.ofNullable(current.get(slug));
    }

    Optional<CompiledFlow> version(String slug, String version) {
        return Optional.ofNullable(versions.get(key(slug, version)));
    }

    Set<String> slugs() {
        return Set.copyOf(current.keySet());
    }

    private static String key(String slug, String version) {
        return slug + "@" + version;
    }
}
