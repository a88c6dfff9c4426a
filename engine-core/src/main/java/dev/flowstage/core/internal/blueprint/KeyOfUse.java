package dev.flowstage.core.internal.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@code !KeyOf} found in an entry before it is resolved: the id, where, and on which line. */
record KeyOfUse(String id, String path, int line) {

    /** Returns every {@code !KeyOf} in the entry's model, state, conditions, identifiers and attrs. */
    static List<KeyOfUse> collect(Entry entry) {
        List<KeyOfUse> uses = new ArrayList<>();
        walk(entry.model(), "model", uses);
        walk(entry.state(), "state", uses);
        walk(entry.conditions(), "conditions", uses);
        walk(entry.identifiers(), "identifiers", uses);
        walk(entry.attrs(), "attrs", uses);
        return uses;
    }

    private static void walk(Object value, String path, List<KeyOfUse> uses) {
        if (value instanceof TagNode tag) {
            if (tag.name().equals(Tags.KEY_OF)) {
                uses.add(new KeyOfUse(String.valueOf(tag.argument()), path, tag.line()));
            } else {
                walk(tag.argument(), path, uses);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, uses));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", uses);
            }
        }
    }
}
