package dev.flowstage.core.internal.blueprint;

import dev.flowstage.core.blueprint.ConfigObject;
import dev.flowstage.core.blueprint.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes a {@link Configuration} as JSON: {@code {"format":1,"version":n,"objects":[{pk,model,fields}]}}. */
public final class ConfigurationJson {
    private static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurationJson() {}

    /** Returns {@code configuration} as pretty-printed JSON. */
    public static String write(Configuration configuration) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", configuration.version());
        List<Object> objects = new ArrayList<>();
        for (ConfigObject object : configuration.objects()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("pk", object.pk());
            item.put("model", object.model());
            item.put("fields", object.fields());
            objects.add(item);
        }
        root.put("objects", objects);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /**
     * Returns the configuration in {@code json}.
     *
     * @throws IllegalStateException when it is not a configuration of a known format
     */
    @SuppressWarnings("unchecked")
    public static Configuration read(String json) {
        try {
            Map<String, Object> root = JSON.readValue(json, Map.class);
            if (!Integer.valueOf(FORMAT).equals(root.get("format"))) {
                throw new IllegalStateException("configuration format " + root.get("format") + " is not " + FORMAT);
            }
            List<ConfigObject> objects = new ArrayList<>();
            for (Object item : (List<Object>) root.get("objects")) {
                Map<String, Object> object = (Map<String, Object>) item;
                objects.add(new ConfigObject((String) object.get("pk"), (String) object.get("model"),
                        (Map<String, Object>) object.get("fields")));
            }
            return new Configuration(((Number) root.get("version")).longValue(), objects);
        } catch (JacksonException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("not a stored configuration: " + e.getMessage(), e);
        }
    }
}
