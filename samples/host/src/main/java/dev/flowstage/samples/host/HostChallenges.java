package dev.flowstage.samples.host;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowInfo;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RedirectTargets;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.definition.FlowDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/** The challenges the host itself answers with, in the protocol's shapes, when the engine has no execution to render. */
final class HostChallenges {
    /** authentik's access-denied component. */
    static final String ACCESS_DENIED = "ak-stage-access-denied";
    /** authentik's component for unexpected errors. */
    static final String FLOW_ERROR = "ak-stage-flow-error";
    private static final String AVATAR = "/static/dist/assets/images/user_default.png";
    private static final String CANCEL_URL = "/flows/-/cancel/";

    private final FlowEngine engine;
    private final SecureRandom random;

    HostChallenges(FlowEngine engine, SecureRandom random) {
        this.engine = engine;
        this.random = random;
    }

    /** Returns an {@value #ACCESS_DENIED} challenge of flow {@code slug} showing {@code message}, for an anonymous pending user. */
    String accessDenied(String slug, Map<String, String> query, String message) {
        Challenge challenge = Challenge.builder(ACCESS_DENIED)
                .field("pending_user", "")
                .field("pending_user_avatar", AVATAR)
                .field("error_message", message)
                .build();
        return engine.toJson(engine.definition(slug).map(flow -> challenge.withFlowInfo(flowInfo(flow, query)))
                .orElse(challenge));
    }

    /** Returns an {@value #FLOW_ERROR} challenge with a fresh request id to quote in logs; never a stack trace. */
    String flowError(String requestId) {
        return engine.toJson(Challenge.builder(FLOW_ERROR).field("request_id", requestId).build());
    }

    /** Returns a new random request id. */
    String newRequestId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Returns {@code result} with {@code message} ({@code code}) as a non-field error when it is pending; otherwise unchanged. */
    static FlowResult withError(FlowResult result, String message, String code) {
        if (!(result instanceof FlowResult.Pending pending)) {
            return result;
        }
        Challenge challenge = pending.challenge().withErrors(ResponseErrors.nonField(message, code));
        return new FlowResult.Pending(pending.executionId(), challenge);
    }

    private static FlowInfo flowInfo(FlowDefinition flow, Map<String, String> query) {
        String next = query.get("next");
        String cancel = next != null && RedirectTargets.isSafe(next, Set.of())
                ? CANCEL_URL + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
                : CANCEL_URL;
        String background = flow.background().isEmpty() ? null : flow.background();
        return new FlowInfo(flow.title(), background, cancel, flow.layout().wireName());
    }
}
