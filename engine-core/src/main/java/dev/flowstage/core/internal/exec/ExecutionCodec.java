package dev.flowstage.core.internal.exec;

import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.Secret;
import dev.flowstage.spi.SecretSealer;
import java.nio.charset.StandardCharsets;
import dev.flowstage.spi.StoredExecution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serialises executions to compact JSON and back. Context values of known keys are read back with
 * their declared types; unknown keys come back as JSON-like data.
 */
public final class ExecutionCodec {
    private static final int FORMAT = 1;
    private static final String SEALED = "$secret";
    /** Query parameters that carry tokens (invitations, links): persisted sealed, never in plain text. */
    private static final java.util.Set<String> TOKEN_PARAMETERS = java.util.Set.of("itoken", "token", "flow_token");
    private static final String SEALED_PREFIX = "$sealed:";
    private final JsonMapper mapper;
    private final Map<String, ContextKey<?>> keys;
    private final SecretSealer sealer;

    /** Creates a codec that knows the value types of {@code keys} and seals {@link Secret}s with {@code sealer}. */
    public ExecutionCodec(JsonMapper mapper, Map<String, ContextKey<?>> keys, SecretSealer sealer) {
        this.mapper = mapper;
        this.keys = Map.copyOf(keys);
        this.sealer = sealer;
    }

    /** Returns the stored form of {@code execution}, with {@code version} and {@code expiresAt}. */
    public StoredExecution encode(Execution execution, long version, Instant expiresAt) {
        ObjectNode root = mapper.createObjectNode();
        root.put("fmt", FORMAT);
        root.put("f", execution.flowSlug());
        root.put("fv", execution.flowVersion());
        root.put("s", execution.state());
        root.set("p", mapper.valueToTree(execution.planned()));
        root.set("c", mapper.valueToTree(sealed(execution.context().asMap())));
        root.set("r", request(execution.request()));
        root.put("t", execution.createdAt().toEpochMilli());
        if (!execution.outcome().isEmpty()) {
            root.put("o", execution.outcome());
        }
        if (execution.holdUntil().isAfter(Instant.EPOCH)) {
            root.put("h", execution.holdUntil().toEpochMilli());
        }
        return new StoredExecution(execution.id(), version, execution.flowSlug(), expiresAt, mapper.writeValueAsString(root));
    }

    /**
     * Returns the execution stored in {@code stored}.
     *
     * @throws IllegalStateException when the data cannot be read (corrupt or from an unknown format)
     */
    public Execution decode(StoredExecution stored) {
        try {
            JsonNode root = mapper.readTree(stored.data());
            if (root.path("fmt").asInt() != FORMAT) {
                throw new IllegalStateException("execution '" + stored.id() + "' has unknown format " + root.path("fmt"));
            }
            List<Integer> planned = new ArrayList<>();
            root.path("p").forEach(node -> planned.add(node.asInt()));
            return new Execution(stored.id(), stored.version(), root.path("f").asString(), root.path("fv").asString(),
                    root.path("s").asString(), planned, context(root.path("c")), request(root.path("r")),
                    Instant.ofEpochMilli(root.path("t").asLong()), root.path("o").asString(""),
                    Instant.ofEpochMilli(root.path("h").asLong(0)));
        } catch (JacksonException e) {
            throw new IllegalStateException("execution '" + stored.id() + "' cannot be read: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("execution '" + stored.id() + "' holds secrets sealed with another key", e);
        }
    }

    private FlowContext context(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            ContextKey<?> key = keys.get(entry.getKey());
            Class<?> type = key == null ? Object.class : key.type();
            Object value = mapper.treeToValue(entry.getValue(), type);
            values.put(entry.getKey(), type == Object.class || Map.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)
                    ? opened(value) : value);
        }
        return FlowContext.of(values);
    }

    /** Returns {@code value} with every {@link Secret} in it replaced by its sealed form. */
    private Object sealed(Object value) {
        if (value instanceof Secret secret) {
            return Map.of(SEALED, sealer.seal(secret.reveal().getBytes(StandardCharsets.UTF_8)));
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, sealed(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::sealed).toList();
        }
        return value;
    }

    /** Returns {@code value} with every sealed form replaced by its {@link Secret}. */
    private Object opened(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get(SEALED) instanceof String sealedText) {
                return Secret.of(new String(sealer.open(sealedText), StandardCharsets.UTF_8));
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, opened(item)));
            return java.util.Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return java.util.Collections.unmodifiableList(list.stream().map(this::opened).toList());
        }
        return value;
    }

    private ObjectNode request(RequestInfo request) {
        ObjectNode node = mapper.createObjectNode();
        node.put("ip", request.clientIp());
        node.put("ua", request.userAgent());
        node.put("h", request.host());
        ObjectNode query = node.putObject("q");
        request.query().forEach((key, value) -> query.put(key, TOKEN_PARAMETERS.contains(key)
                ? SEALED_PREFIX + sealer.seal(value.getBytes(StandardCharsets.UTF_8)) : value));
        if (request.authenticatedUserId() != null) {
            node.put("u", request.authenticatedUserId());
        }
        return node;
    }

    private RequestInfo request(JsonNode node) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.path("q").properties()) {
            String value = entry.getValue().asString();
            query.put(entry.getKey(), value.startsWith(SEALED_PREFIX)
                    ? new String(sealer.open(value.substring(SEALED_PREFIX.length())), StandardCharsets.UTF_8) : value);
        }
        String user = node.hasNonNull("u") ? node.get("u").asString() : null;
        return new RequestInfo(node.path("ip").asString(""), node.path("ua").asString(""), node.path("h").asString(""),
                query, user);
    }

    /** Returns a fresh id for a new execution. */
    static ExecutionId newId(java.security.SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return ExecutionId.of(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
