package dev.flowstage.core.internal.blueprint;

import java.util.List;
import java.util.Map;

/**
 * One entry of a blueprint as loaded: values may still contain {@link TagNode}s.
 *
 * @param index the 0-based index in {@code entries}
 * @param line the 1-based line where the entry starts
 * @param model the model name or a tag
 * @param id the entry's id for {@code !KeyOf}, or null
 * @param state the state or a tag; null means present
 * @param conditions the conditions, all of which must be truthy
 * @param identifiers the identifiers
 * @param attrs the attributes
 */
record Entry(int index, int line, Object model, String id, Object state, List<Object> conditions,
        Map<String, Object> identifiers, Map<String, Object> attrs) {}
