package dev.flowstage.samples.host;

import dev.flowstage.samples.journeys.Journeys;
import java.time.Duration;

/**
 * The slugs (and a few settings) of the flows the demo serves. They are defined by Flowstage's
 * default blueprints and the demo's own (see {@link HostBlueprints}), not in Java; the constants
 * are for the host's links and its tests, which check the blueprints against them.
 */
final class DemoFlows {
    /** The default authentication flow: identification (recovery and enrollment links), password, MFA, user_login. */
    static final String LOGIN = Journeys.AUTHENTICATION;
    /** The same sign-in with the sample terms-of-service stage before the login. */
    static final String TERMS_LOGIN = "terms-login";
    /** The staff brand's sign-in, which offers "remember me". */
    static final String STAFF_LOGIN = "staff-authentication-flow";
    /** The default invalidation (logout) flow. */
    static final String LOGOUT = "default-invalidation-flow";
    /** The user settings flow: name and email. */
    static final String USER_SETTINGS = "default-user-settings-flow";
    /** Authorization with an explicit consent. */
    static final String EXPLICIT_CONSENT = "default-provider-authorization-explicit-consent";
    /** Authorization without a question. */
    static final String IMPLICIT_CONSENT = "default-provider-authorization-implicit-consent";
    /** A flow showing every prompt field type, then a dummy stage. */
    static final String SHOWCASE = "prompt-showcase";
    /** Sets up an authenticator app (TOTP) for the signed-in user. */
    static final String TOTP_SETUP = "default-authenticator-totp-setup";
    /** Creates single-use recovery codes for the signed-in user. */
    static final String STATIC_SETUP = "default-authenticator-static-setup";
    /** The terms version the demo asks users to accept. */
    static final String TERMS_VERSION = "2026-01";
    /** How long a staff session lasts without "remember me". */
    static final Duration STAFF_SESSION = Duration.ofHours(8);
    /** How much longer a staff session lasts with "remember me". */
    static final Duration STAFF_REMEMBER_ME = Duration.ofDays(30);

    private DemoFlows() {}
}
