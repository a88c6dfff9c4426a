package dev.flowstage.core.internal.blueprint;

import dev.flowstage.core.blueprint.BlueprintProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a document's {@code !KeyOf} references before any entry runs: duplicate ids, unknown ids,
 * references to the entry itself or a later one, and cycles ({@code a -> b -> a}), so that these get
 * a message about the structure of the file rather than about a failed earlier entry.
 */
final class KeyOfCheck {
    /** A problem found, without its source. */
    record Found(int entry, int line, String key, String message) {
        BlueprintProblem in(String source) {
            return new BlueprintProblem(source, line, entry, key, message);
        }
    }

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final Map<Integer, List<KeyOfUse>> uses = new LinkedHashMap<>();
    private final List<Found> problems = new ArrayList<>();

    KeyOfCheck(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.id() != null && ids.putIfAbsent(entry.id(), entry.index()) != null) {
                problems.add(new Found(entry.index(), entry.line(), "id", "id '" + entry.id()
                        + "' is already used by entries[" + ids.get(entry.id()) + "]"));
            }
            uses.put(entry.index(), KeyOfUse.collect(entry));
        }
        for (Entry entry : entries) {
            for (KeyOfUse use : uses.get(entry.index())) {
                String failure = problem(entry, use);
                if (failure != null) {
                    problems.add(new Found(entry.index(), use.line(), use.path(), failure));
                }
            }
        }
    }

    /** Returns the entry index of every id. */
    Map<String, Integer> ids() {
        return ids;
    }

    List<Found> problems() {
        return problems;
    }

    private String problem(Entry entry, KeyOfUse use) {
        Integer target = ids.get(use.id());
        if (target == null) {
            return "!KeyOf '" + use.id() + "': no entry has id '" + use.id() + "'";
        }
        if (target < entry.index()) {
            return null;
        }
        List<String> start = new ArrayList<>();
        if (entry.id() != null) {
            start.add(entry.id());
        }
        start.add(use.id());
        List<String> cycle = cycle(target, entry.index(), start);
        if (cycle != null) {
            return "!KeyOf cycle: " + String.join(" -> ", cycle) + " (an entry can only refer to entries before it)";
        }
        return "!KeyOf '" + use.id() + "' refers to entries[" + target + "], which comes "
                + (target == entry.index() ? "at this entry" : "later") + ": move it before this entry";
    }

    /** Returns the ids on a path of references from entry {@code at} back to entry {@code home}, if any. */
    private List<String> cycle(int at, int home, List<String> path) {
        if (at == home) {
            return path;
        }
        if (path.size() > uses.size()) {
            return null;
        }
        for (KeyOfUse next : uses.getOrDefault(at, List.of())) {
            Integer target = ids.get(next.id());
            if (target == null) {
                continue;
            }
            List<String> longer = new ArrayList<>(path);
            longer.add(next.id());
            if (target == home) {
                return longer;
            }
            if (!path.contains(next.id())) {
                List<String> found = cycle(target, home, longer);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
