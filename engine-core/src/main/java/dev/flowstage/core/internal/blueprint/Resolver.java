package dev.flowstage.core.internal.blueprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves the tags in one entry's values, lazily and in order, as authentik does: {@code !KeyOf}
 * sees the objects earlier entries created. Every failure is an {@link EntryProblem} naming the key
 * path and the tag's line. Longer than most classes: one short method per tag, kept together
 * because they share the recursion and the stack of {@code !Enumerate} items.
 */
final class Resolver {
    private static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What tags read: the document, its context, the environment, earlier entries and the workspace. */
    interface Scope {
        Document document();

        Map<String, Object> context();

        Function<String, String> environment();

        /** Returns the key of the object the entry with {@code id} created; throws an EntryProblem naming why not. */
        String keyOf(String id, String path, int line);

        Workspace workspace();

        ModelRegistry models();
    }

    private final Scope scope;
    private final Deque<Map.Entry<Object, Object>> iterations = new ArrayDeque<>();

    Resolver(Scope scope) {
        this.scope = scope;
    }

    /** Returns {@code raw} with every tag resolved; a {@code !Find} that matches nothing is a problem. */
    Object resolve(Object raw, String path) {
        return resolve(raw, path, false);
    }

    /** Returns {@code raw} resolved as a condition: a {@code !Find} that matches nothing is null, not a problem. */
    Object condition(Object raw, String path) {
        return resolve(raw, path, true);
    }

    private Object resolve(Object raw, String path, boolean lenient) {
        if (raw instanceof TagNode tag) {
            return Values.immutable(tag(tag, path, lenient));
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> resolved.put((String) key, resolve(value, path + "." + key, false)));
            return resolved;
        }
        if (raw instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                resolved.add(resolve(list.get(i), path + "[" + i + "]", false));
            }
            return resolved;
        }
        return raw;
    }

    private Object tag(TagNode tag, String path, boolean lenient) {
        switch (tag.name()) {
            case Tags.KEY_OF:
                return scope.keyOf(String.valueOf(tag.argument()), path, tag.line());
            case Tags.FIND:
                return find(tag, path, lenient, false);
            case Tags.FIND_OBJECT:
                return find(tag, path, lenient, true);
            case Tags.CONTEXT:
                return context(tag, path);
            case Tags.ENV:
                return env(tag, path);
            case Tags.FILE:
                return file(tag, path);
            case Tags.FORMAT:
                return format(tag, path);
            case Tags.IF:
                return ifTag(tag, path);
            case Tags.CONDITION:
                return condition(tag, path);
            case Tags.ENUMERATE:
                return enumerate(tag, path);
            case Tags.INDEX:
            case Tags.VALUE:
                return iteration(tag, path);
            case Tags.AT_INDEX:
                return atIndex(tag, path);
            case Tags.PARSE_JSON:
                return parseJson(tag, path);
            default:
                throw problem(tag, path, "unknown tag " + tag.label());
        }
    }

    private Object find(TagNode tag, String path, boolean lenient, boolean wholeObject) {
        List<?> args = (List<?>) tag.argument();
        if (args.isEmpty()) {
            throw problem(tag, path, tag.label() + " needs a model, as in " + tag.label() + " [authentik_flows.flow, [slug, my-flow]]");
        }
        String model = string(resolve(args.get(0), path, false), tag, path, "the model of " + tag.label());
        if (!scope.models().known(model)) {
            throw problem(tag, path, tag.label() + ": unknown model '" + model + "'");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            Object pair = resolve(args.get(i), path, false);
            if (!(pair instanceof List<?> list) || list.size() != 2) {
                throw problem(tag, path, tag.label() + " conditions are [field, value] pairs, got " + pair);
            }
            query.put(string(list.get(0), tag, path, "a field name of " + tag.label()), list.get(1));
        }
        return scope.workspace().findFirst(model, query)
                .map(found -> wholeObject ? (Object) found.fields() : found.pk())
                .orElseGet(() -> {
                    if (lenient || wholeObject) {
                        return null;
                    }
                    throw problem(tag, path, "!Find " + describe(model, query) + " matched nothing");
                });
    }

    private static String describe(String model, Map<String, Object> query) {
        StringBuilder text = new StringBuilder("[").append(model);
        query.forEach((field, value) -> text.append(", [").append(field).append(", ").append(value).append("]"));
        return text.append("]").toString();
    }

    private Object context(TagNode tag, String path) {
        Object key;
        Object fallback = null;
        boolean hasDefault = false;
        if (tag.argument() instanceof List<?> args) {
            if (args.isEmpty() || args.size() > 2) {
                throw problem(tag, path, "!Context takes a key or [key, default]");
            }
            key = resolve(args.get(0), path, false);
            hasDefault = args.size() == 2;
            fallback = hasDefault ? args.get(1) : null;
        } else {
            key = tag.argument();
        }
        String name = String.valueOf(key);
        if (scope.context().containsKey(name)) {
            return resolve(scope.context().get(name), path, false);
        }
        if (hasDefault) {
            return resolve(fallback, path, false);
        }
        throw problem(tag, path, "!Context '" + name + "' is not set and has no default (write !Context [" + name + ", default])");
    }

    private Object env(TagNode tag, String path) {
        String name;
        boolean hasDefault = tag.argument() instanceof List<?> args && args.size() == 2;
        if (tag.argument() instanceof List<?> args) {
            if (args.isEmpty() || args.size() > 2) {
                throw problem(tag, path, "!Env takes a name or [name, default]");
            }
            name = String.valueOf(resolve(args.get(0), path, false));
        } else {
            name = String.valueOf(tag.argument());
        }
        String value = scope.environment().apply(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        if (hasDefault) {
            return resolve(((List<?>) tag.argument()).get(1), path, false);
        }
        throw problem(tag, path, "environment variable '" + name + "' is not set and !Env has no default");
    }

    private Object file(TagNode tag, String path) {
        List<?> args = tag.argument() instanceof List<?> list ? list : List.of(tag.argument());
        if (args.isEmpty() || args.size() > 2) {
            throw problem(tag, path, "!File takes a path or [path, default]");
        }
        String name = String.valueOf(resolve(args.get(0), path, false));
        Path folder = scope.document().folder();
        if (folder == null) {
            throw problem(tag, path, "!File '" + name + "': this blueprint has no folder to read files from");
        }
        Path file = inside(folder, name, tag, path);
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw problem(tag, path, "!File '" + name + "' is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(file).strip();
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof EntryProblem problem) {
                throw problem;
            }
            if (args.size() == 2) {
                return resolve(args.get(1), path, false);
            }
            throw problem(tag, path, "!File '" + name + "' cannot be read and has no default");
        }
    }

    /** Returns {@code name} resolved in {@code folder}; a problem when it leaves the folder, also through links. */
    private Path inside(Path folder, String name, TagNode tag, String path) {
        Path file;
        try {
            file = folder.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw problem(tag, path, "!File '" + name + "' is not a valid path");
        }
        boolean escapes = !file.startsWith(folder);
        if (!escapes && Files.exists(file)) {
            try {
                escapes = !file.toRealPath().startsWith(folder.toRealPath());
            } catch (java.io.IOException e) {
                escapes = true;
            }
        }
        if (escapes) {
            throw problem(tag, path, "!File '" + name + "' is outside the blueprint's folder " + folder);
        }
        return file;
    }

    private Object format(TagNode tag, String path) {
        List<?> args = (List<?>) tag.argument();
        if (args.isEmpty()) {
            throw problem(tag, path, "!Format takes [format, argument...]");
        }
        String format = string(resolve(args.get(0), path, false), tag, path, "the format of !Format");
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            values.add(resolve(args.get(i), path, false));
        }
        try {
            return PercentFormat.format(format, values);
        } catch (IllegalArgumentException e) {
            throw problem(tag, path, "!Format: " + e.getMessage());
        }
    }

    private Object ifTag(TagNode tag, String path) {
        List<?> args = (List<?>) tag.argument();
        if (args.size() != 1 && args.size() != 3) {
            throw problem(tag, path, "!If takes [condition] or [condition, when_true, when_false]");
        }
        boolean condition = Values.truthy(resolve(args.get(0), path, true));
        if (args.size() == 1) {
            return condition;
        }
        return resolve(args.get(condition ? 1 : 2), path, false);
    }

    private Object condition(TagNode tag, String path) {
        List<?> args = (List<?>) tag.argument();
        if (args.size() < 2) {
            throw problem(tag, path, "!Condition takes [MODE, value...] with at least one value");
        }
        String mode = String.valueOf(resolve(args.get(0), path, false)).toUpperCase(Locale.ROOT);
        List<Boolean> values = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            values.add(Values.truthy(resolve(args.get(i), path, true)));
        }
        long trues = values.stream().filter(Boolean::booleanValue).count();
        switch (mode) {
            case "AND": return trues == values.size();
            case "NAND": return trues != values.size();
            case "OR": return trues > 0;
            case "NOR": return trues == 0;
            case "XOR": return trues % 2 == 1;
            case "XNOR": return trues % 2 == 0;
            default:
                throw problem(tag, path, "!Condition mode '" + mode + "' is not one of AND, NAND, OR, NOR, XOR, XNOR");
        }
    }

    private Object enumerate(TagNode tag, String path) {
        List<?> args = (List<?>) tag.argument();
        if (args.size() != 3) {
            throw problem(tag, path, "!Enumerate takes [iterable, SEQ or MAP, body]");
        }
        Object iterable = resolve(args.get(0), path, false);
        String mode = String.valueOf(resolve(args.get(1), path, false));
        if (!mode.equals("SEQ") && !mode.equals("MAP")) {
            throw problem(tag, path, "!Enumerate mode must be SEQ or MAP, got '" + mode + "'");
        }
        List<Map.Entry<Object, Object>> items = new ArrayList<>();
        if (iterable instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                items.add(Map.entry((long) i, nullSafe(list.get(i))));
            }
        } else if (iterable instanceof Map<?, ?> map) {
            map.forEach((key, value) -> items.add(Map.entry(key, nullSafe(value))));
        } else {
            throw problem(tag, path, "!Enumerate iterates a list or a mapping, not " + Values.typeName(iterable));
        }
        return mode.equals("SEQ") ? enumerateSeq(items, args.get(2), path) : enumerateMap(items, args.get(2), tag, path);
    }

    private static Object nullSafe(Object value) {
        return value == null ? NullValue.INSTANCE : value;
    }

    private List<Object> enumerateSeq(List<Map.Entry<Object, Object>> items, Object body, String path) {
        List<Object> result = new ArrayList<>();
        for (Map.Entry<Object, Object> item : items) {
            iterations.push(item);
            try {
                result.add(resolve(body, path, false));
            } finally {
                iterations.pop();
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> enumerateMap(List<Map.Entry<Object, Object>> items, Object body, TagNode tag, String path) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> item : items) {
            iterations.push(item);
            try {
                Object value = resolve(body, path, false);
                if (value instanceof List<?> pair && pair.size() == 2) {
                    result = Values.deepMerge(result, Map.of(String.valueOf(pair.get(0)), nullSafe(pair.get(1))));
                } else if (value instanceof Map<?, ?> map) {
                    result = Values.deepMerge(result, (Map<String, Object>) map);
                } else {
                    throw problem(tag, path, "!Enumerate MAP body must give [key, value] or a mapping, got " + Values.typeName(value));
                }
            } finally {
                iterations.pop();
            }
        }
        result.replaceAll((key, value) -> value == NullValue.INSTANCE ? null : value);
        return result;
    }

    private Object iteration(TagNode tag, String path) {
        int depth;
        try {
            depth = Integer.parseInt(String.valueOf(tag.argument()).trim());
        } catch (NumberFormatException e) {
            throw problem(tag, path, tag.label() + " takes a depth such as " + tag.label() + " 0, got '" + tag.argument() + "'");
        }
        if (depth < 0 || depth >= iterations.size()) {
            throw problem(tag, path, tag.label() + " " + depth + " is not inside " + (depth + 1) + " !Enumerate bodies");
        }
        Map.Entry<Object, Object> item = new ArrayList<>(iterations).get(depth);
        Object value = tag.name().equals(Tags.INDEX) ? item.getKey() : item.getValue();
        return value == NullValue.INSTANCE ? null : value;
    }

    private Object atIndex(TagNode tag, String path) {
        List<?> args = (List<?>) tag.argument();
        if (args.size() != 2 && args.size() != 3) {
            throw problem(tag, path, "!AtIndex takes [object, key or index, default]");
        }
        Object target = resolve(args.get(0), path, false);
        Object key = resolve(args.get(1), path, false);
        if (target instanceof Map<?, ?> map && map.containsKey(String.valueOf(key))) {
            return map.get(String.valueOf(key));
        }
        if (target instanceof List<?> list && key instanceof Number number) {
            int index = number.intValue() < 0 ? list.size() + number.intValue() : number.intValue();
            if (index >= 0 && index < list.size()) {
                return list.get(index);
            }
        }
        if (args.size() == 3) {
            return resolve(args.get(2), path, false);
        }
        throw problem(tag, path, target instanceof List<?> ? "!AtIndex: index " + key + " is out of range"
                : "!AtIndex: key '" + key + "' does not exist in " + Values.typeName(target));
    }

    private Object parseJson(TagNode tag, String path) {
        try {
            return JSON.readValue(String.valueOf(tag.argument()), Object.class);
        } catch (JacksonException e) {
            throw problem(tag, path, "!ParseJSON: not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String string(Object value, TagNode tag, String path, String what) {
        if (value instanceof String text) {
            return text;
        }
        throw problem(tag, path, what + " must be a string, not " + Values.typeName(value));
    }

    private static EntryProblem problem(TagNode tag, String path, String message) {
        return new EntryProblem(path, tag.line(), message);
    }

    /** Stands for null inside enumerations, whose items cannot hold null. */
    private enum NullValue { INSTANCE }
}
