package dev.flowstage.core.internal.protocol;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowInfo;
import dev.flowstage.api.ResponseErrors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of authentik's flow-executor protocol: challenges out, responses in. Challenge keys
 * are written in authentik's order (flow_info, component, response_errors, the stage's fields).
 * Response bodies are limited in size and nesting depth and must be JSON objects.
 */
public final class WireCodec {
    private static final int MAX_DEPTH = 16;
    private final JsonMapper mapper;
    private final int maxBodyBytes;

    /** Creates a codec refusing bodies larger than {@code maxBodyBytes} UTF-8 bytes. */
    public WireCodec(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(maxBodyBytes)
                        .maxNumberLength(64)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /** Returns the largest accepted body, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Returns {@code challenge} as protocol JSON. */
    public String encode(Challenge challenge) {
        ObjectNode root = mapper.createObjectNode();
        if (challenge.flowInfo() != null) {
            root.set("flow_info", flowInfo(challenge.flowInfo()));
        }
        root.put("component", challenge.component());
        if (!challenge.responseErrors().isEmpty()) {
            root.set("response_errors", errors(challenge.responseErrors()));
        }
        challenge.fields().forEach((name, value) -> root.set(name, mapper.valueToTree(value)));
        return mapper.writeValueAsString(root);
    }

    /**
     * Returns the response in {@code body}.
     *
     * @throws MalformedBodyException when the body is too large, not JSON, nested too deep, or not an object
     */
    public ChallengeResponse decode(String body) {
        if (body == null || body.isBlank()) {
            return ChallengeResponse.empty();
        }
        if (body.length() > maxBodyBytes || body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            throw new MalformedBodyException("Request body is larger than " + maxBodyBytes + " bytes.");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBodyException("Malformed JSON" + location(e) + ".");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedBodyException("Request body must be a JSON object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = mapper.treeToValue(node, Map.class);
        return ChallengeResponse.of(data);
    }

    private ObjectNode flowInfo(FlowInfo info) {
        ObjectNode node = mapper.createObjectNode();
        node.put("title", info.title());
        if (info.background() != null && !info.background().isEmpty()) {
            node.put("background", info.background());
        }
        node.put("cancel_url", info.cancelUrl());
        node.put("layout", info.layout());
        return node;
    }

    private ObjectNode errors(ResponseErrors errors) {
        ObjectNode node = mapper.createObjectNode();
        for (Map.Entry<String, List<ErrorDetail>> entry : errors.asMap().entrySet()) {
            var array = node.putArray(entry.getKey());
            for (ErrorDetail detail : entry.getValue()) {
                array.addObject().put("string", detail.string()).put("code", detail.code());
            }
        }
        return node;
    }

    /** Where parsing failed; never the offending text, which may be a secret. */
    private static String location(JacksonException e) {
        var where = e.getLocation();
        if (where == null || where.getLineNr() < 1) {
            return "";
        }
        return " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }
}
