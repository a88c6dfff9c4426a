package dev.flowstage.core.internal.exec;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowInfo;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RedirectTargets;
import dev.flowstage.api.definition.FlowDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Builds the framework's challenges: flow info around stage challenges, access denied, redirects. */
final class Renderer {
    static final String ACCESS_DENIED = "ak-stage-access-denied";
    static final String DEFAULT_AVATAR = "/static/dist/assets/images/user_default.png";
    private static final String CANCEL_URL = "/flows/-/cancel/";
    private final Set<String> allowedHosts;

    Renderer(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    FlowInfo flowInfo(FlowDefinition flow, Execution execution) {
        String next = safeNext(execution);
        String cancel = next == null ? CANCEL_URL : CANCEL_URL + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return new FlowInfo(title(flow.title(), execution), flow.background(), cancel, flow.layout().wireName());
    }

    Challenge accessDenied(FlowDefinition flow, Execution execution, String message) {
        return Challenge.builder(ACCESS_DENIED)
                .field("pending_user", pendingUsername(execution))
                .field("pending_user_avatar", DEFAULT_AVATAR)
                .field("error_message", message)
                .build()
                .withFlowInfo(flowInfo(flow, execution));
    }

    /** An {@code ak-stage-consent} asking to confirm a link token; the client posts {@code token} back. */
    Challenge confirmation(FlowDefinition flow, Execution execution, String header, String token) {
        return Challenge.builder("ak-stage-consent")
                .field("pending_user", pendingUsername(execution))
                .field("pending_user_avatar", DEFAULT_AVATAR)
                .field("header_text", header)
                .field("permissions", java.util.List.of())
                .field("additional_permissions", java.util.List.of())
                .field("token", token)
                .build()
                .withFlowInfo(flowInfo(flow, execution));
    }

    Challenge redirect(String to) {
        return Challenge.builder("xak-flow-redirect").field("to", to).build();
    }

    /** Where a finished execution sends the client: the context's redirect, the query's next, or {@code /}. */
    String completionTarget(Execution execution) {
        String redirect = execution.context().get(ContextKeys.REDIRECT).orElse(null);
        if (redirect != null && RedirectTargets.isSafe(redirect, allowedHosts)) {
            return redirect;
        }
        String next = safeNext(execution);
        return next == null ? "/" : next;
    }

    String safeNext(Execution execution) {
        String next = execution.request().query().get("next");
        return next != null && RedirectTargets.isSafe(next, allowedHosts) ? next : null;
    }

    private static String title(String template, Execution execution) {
        if (!template.contains("%(")) {
            return template;
        }
        String app = execution.context().get(ContextKeys.APPLICATION).orElse("");
        return template.replace("%(app)s", app).replace("%(user)s", pendingUsername(execution));
    }

    private static String pendingUsername(Execution execution) {
        return execution.context().get(ContextKeys.PENDING_USER).map(PendingUser::username).orElse("");
    }
}
