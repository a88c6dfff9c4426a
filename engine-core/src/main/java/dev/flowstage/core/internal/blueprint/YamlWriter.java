package dev.flowstage.core.internal.blueprint;

import java.time.Duration;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes blueprint YAML: block style, two-space indents, no anchors, {@code !KeyOf} tags; strings
 * that the core schema would read as something else ({@code +0}, {@code True}) are quoted.
 */
final class YamlWriter {
    /** A {@code !KeyOf id} to write. */
    record KeyOf(String id) {}

    private YamlWriter() {}

    static String write(Map<String, Object> document) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(0).setWidth(120).setDereferenceAliases(true).setSchema(new CoreSchema()).build();
        return new Dump(settings, new Representer(settings)).dumpToString(document);
    }

    private static final class Representer extends StandardRepresenter {
        Representer(DumpSettings settings) {
            super(settings);
            representers.put(KeyOf.class, data -> representScalar(new Tag("!KeyOf"), ((KeyOf) data).id()));
            representers.put(Duration.class, data -> representScalar(Tag.STR, Durations.format((Duration) data)));
        }
    }
}
