package dev.flowstage.samples.host;

import dev.flowstage.api.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text the demo prints at start: where it listens, how to sign in, and a curl walkthrough to paste. */
final class Walkthrough {
    private Walkthrough() {}

    /**
     * Returns the start banner: the URLs of the UI and the outbox, then either the initial-setup
     * link (when the admin has no password yet) or the admin's password and a curl walkthrough.
     */
    static String banner(URI base, int smtpPort, java.util.Optional<Secret> password, boolean setupPending) {
        String setup = base + FlowInterfaceHandler.path(InitialSetup.FLOW);
        String head = String.join("\n",
                "Flowstage demo host listening on " + base + "/",
                "  sign in:   " + base + DefaultFlowHandler.path("authentication"),
                "  outbox:    " + base + OutboxHandler.PATH + "   (mail sent to the embedded SMTP server on port "
                        + smtpPort + ")",
                "  staff brand (remember me): http://localhost:" + base.getPort() + "/",
                "");
        if (setupPending) {
            return head + String.join("\n",
                    "Initial setup: set the password of " + DemoUsers.ADMIN + " at",
                    "  " + setup,
                    "(or start with FLOWSTAGE_DEMO_PASSWORD=... to set it; FLOWSTAGE_PORT sets the port)",
                    "",
                    "Stop with Ctrl-C.");
        }
        return head + password.map(secret -> text(base, secret)).orElse("Stop with Ctrl-C.");
    }

    /** Returns the sign-in part of the start banner for a host at {@code base} whose demo user has {@code password}. */
    static String text(URI base, Secret password) {
        String flow = base + ExecutorHandler.PATH_PREFIX + DemoFlows.LOGIN + "/";
        String curl = "curl -s -w '\\n' -c flowstage-cookies.txt -b flowstage-cookies.txt";
        String json = " -H 'Content-Type: application/json' -d ";
        return String.join("\n",
                "Sign-in: user " + DemoUsers.ADMIN + ", password " + password.reveal()
                        + "   (FLOWSTAGE_DEMO_PASSWORD sets the password, FLOWSTAGE_PORT the port)",
                "  flows: " + DemoFlows.LOGIN + " (identification -> password -> MFA when set up -> user_login)",
                "         " + DemoFlows.TERMS_LOGIN + " (identification -> password -> xs-stage-terms -> user_login)",
                "",
                "Sign in with curl (the cookie jar keeps the flow session and then the signed-in session):",
                "  FLOW=" + flow,
                "  " + curl + " \"$FLOW?query=next%3D%2F\"",
                "  " + curl + json + shellQuote(body("ak-stage-identification", "uid_field", DemoUsers.ADMIN)) + " \"$FLOW\"",
                "  " + curl + json + shellQuote(body("ak-stage-password", "password", password.reveal())) + " \"$FLOW\"",
                "  " + curl + " " + base + MeHandler.PATH,
                "",
                "Stop with Ctrl-C.");
    }

    private static String body(String component, String field, String value) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("component", component);
        body.put(field, value);
        return HttpAnswers.toJson(body);
    }

    private static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
