package dev.flowstage.core.internal.store;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.spi.StoredToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes stored link tokens as JSON, for the directory token store. */
public final class TokenJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenJson() {}

    /** Returns {@code tokens} as JSON. */
    public static String write(Map<String, StoredToken> tokens) {
        List<Object> list = new ArrayList<>();
        for (StoredToken token : tokens.values()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("hash", token.hash());
            item.put("purpose", token.purpose());
            item.put("flow", token.flowSlug());
            item.put("execution", token.executionId() == null ? null : token.executionId().value());
            item.put("stage", token.stageName());
            item.put("user", token.userId());
            item.put("expires", token.expiresAt().toString());
            item.put("data", token.data());
            item.put("used", token.usedAt() == null ? null : token.usedAt().toString());
            list.add(item);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("tokens", list));
    }

    /**
     * Returns the tokens in {@code json}, by hash.
     *
     * @throws IllegalStateException when it is not a token file
     */
    @SuppressWarnings("unchecked")
    public static Map<String, StoredToken> read(String json) {
        try {
            Map<String, StoredToken> tokens = new LinkedHashMap<>();
            for (Object item : (List<Object>) JSON.readValue(json, Map.class).get("tokens")) {
                Map<String, Object> token = (Map<String, Object>) item;
                String execution = (String) token.get("execution");
                String used = (String) token.get("used");
                tokens.put((String) token.get("hash"), new StoredToken((String) token.get("hash"), (String) token.get("purpose"),
                        (String) token.get("flow"), execution == null ? null : new ExecutionId(execution),
                        (String) token.get("stage"), (String) token.get("user"), Instant.parse((String) token.get("expires")),
                        (Map<String, Object>) token.get("data"), used == null ? null : Instant.parse(used)));
            }
            return tokens;
        } catch (JacksonException | ClassCastException | NullPointerException | java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("not a token file: " + e.getMessage(), e);
        }
    }
}
