package dev.flowstage.core.internal.blueprint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded blueprint document.
 *
 * @param source the blueprint's source, for messages
 * @param folder the folder of the blueprint, or null
 * @param name the metadata name, or empty string
 * @param labels the metadata labels
 * @param context the document's context defaults (values may be tags)
 * @param entries the entries, in order
 */
record Document(String source, Path folder, String name, Map<String, String> labels, Map<String, Object> context,
        List<Entry> entries) {}
