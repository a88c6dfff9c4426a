package dev.flowstage.core.internal.blueprint;

import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.core.blueprint.ConfigObject;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the fields of one object for a model: records which keys were read, and a problem for each
 * wrong type or bad value, so that unknown and bad attributes are reported together.
 */
final class AttributeReader implements ModelAttributes {
    private static final Pattern SLUG = Pattern.compile("[-a-zA-Z0-9_]+");

    /** One problem of one attribute. */
    record Problem(String key, String message) {}

    private final Map<String, Object> fields;
    private final References refs;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    AttributeReader(Map<String, Object> fields, References refs) {
        this.fields = fields;
        this.refs = refs;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Records a problem for each field nobody read; call after the model read what it knows. */
    void reportUnknown(String model) {
        for (String key : fields.keySet()) {
            if (!known.contains(key)) {
                problems.add(new Problem(key, "unknown attribute '" + key + "' of " + model + " (known: "
                        + known.stream().sorted().toList() + ")"));
            }
        }
    }

    /** Returns whether the model asked for {@code key}. */
    boolean knows(String key) {
        return known.contains(key);
    }

    @Override
    public boolean has(String key) {
        known.add(key);
        return fields.containsKey(key);
    }

    private Object raw(String key) {
        known.add(key);
        return fields.get(key);
    }

    @Override
    public String string(String key, String defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String text) {
            return text;
        }
        return wrong(key, "a string", value, defaultValue);
    }

    @Override
    public String requiredString(String key) {
        String value = string(key, null);
        if (value == null && problems.stream().noneMatch(p -> p.key().equals(key))) {
            problem(key, "is required");
        }
        return value == null ? "" : value;
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        return wrong(key, "true or false", value, defaultValue);
    }

    @Override
    public int integer(String key, int defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        return wrong(key, "an integer", value, defaultValue);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String text)) {
            return wrong(key, "a duration such as 'hours=8'", value, defaultValue);
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return defaultValue;
        }
    }

    @Override
    public <T> T choice(String key, Function<String, T> parser, T defaultValue) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return defaultValue;
        }
    }

    @Override
    public List<String> strings(String key, List<String> defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        return wrong(key, "a list of strings", value, defaultValue);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key, Map<String, Object> defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        return wrong(key, "a mapping", value, defaultValue);
    }

    @Override
    public Object value(String key) {
        return raw(key);
    }

    @Override
    public String flow(String key) {
        return flowValue(key, raw(key));
    }

    private String flowValue(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            java.util.Optional<String> slug = refs.flowSlug(text);
            if (slug.isPresent()) {
                return slug.get();
            }
            if (refs.get(text).isEmpty() && SLUG.matcher(text).matches()) {
                return text;
            }
        }
        return wrong(key, "a flow (!KeyOf, !Find [authentik_flows.flow, [slug, ...]] or a slug)", value, null);
    }

    @Override
    public List<String> flows(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            return wrong(key, "a list of flows", value, List.of());
        }
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String slug = flowValue(key + "[" + i + "]", list.get(i));
            if (slug != null) {
                slugs.add(slug);
            }
        }
        return slugs;
    }

    @Override
    public String group(String key) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            java.util.Optional<ConfigObject> target = refs.get(text);
            if (target.isEmpty()) {
                return text;
            }
            if (target.get().model().equals(Structural.GROUP) && target.get().field("name") instanceof String name) {
                return name;
            }
        }
        return wrong(key, "a group (!KeyOf, !Find [authentik_core.group, [name, ...]] or a name)", value, null);
    }

    @Override
    public PolicyDefinition policy(String key) {
        return reference(key, raw(key), refs::policy);
    }

    @Override
    public List<PolicyDefinition> policies(String key) {
        return references(key, refs::policy);
    }

    @Override
    public StageDefinition stage(String key) {
        return reference(key, raw(key), refs::stage);
    }

    @Override
    public <T> T object(String key, String model, Class<T> type) {
        return reference(key, raw(key), pk -> cast(refs.object(pk, model), type, model));
    }

    @Override
    public <T> List<T> objects(String key, String model, Class<T> type) {
        return references(key, pk -> cast(refs.object(pk, model), type, model));
    }

    private static <T> T cast(Object config, Class<T> type, String model) {
        if (!type.isInstance(config)) {
            throw new IllegalArgumentException("refers to a " + model + " whose config is not a " + type.getSimpleName());
        }
        return type.cast(config);
    }

    private <T> T reference(String key, Object value, Function<String, T> resolver) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String pk)) {
            return wrong(key, "a reference (!KeyOf or !Find)", value, null);
        }
        try {
            return resolver.apply(pk);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    private <T> List<T> references(String key, Function<String, T> resolver) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            return wrong(key, "a list of references (!KeyOf or !Find)", value, List.of());
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            T item = reference(key + "[" + i + "]", list.get(i), resolver);
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    /** Returns the key stored in reference field {@code key} if it refers to an object whose model {@code accept}s. */
    String ref(String key, java.util.function.Predicate<String> accept, String what) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String pk) {
            java.util.Optional<ConfigObject> target = refs.get(pk);
            if (target.isPresent() && accept.test(target.get().model())) {
                return pk;
            }
            if (target.isPresent()) {
                problem(key, "refers to a " + target.get().model() + ", not " + what);
                return null;
            }
        }
        return wrong(key, "a reference to " + what + " (!KeyOf or !Find)", value, null);
    }

    @Override
    public void ignore(String... keys) {
        known.addAll(List.of(keys));
    }

    @Override
    public void unsupported(String key, String reason) {
        Object value = raw(key);
        if (Values.truthy(value)) {
            problem(key, "is not supported: " + reason);
        }
    }

    @Override
    public void problem(String key, String message) {
        known.add(key);
        problems.add(new Problem(key, message));
    }

    private <T> T wrong(String key, String expected, Object value, T defaultValue) {
        String shown = value instanceof String text ? "'" + abbreviate(text) + "'" : Values.typeName(value);
        problem(key, "must be " + expected + ", got " + shown);
        return defaultValue;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
