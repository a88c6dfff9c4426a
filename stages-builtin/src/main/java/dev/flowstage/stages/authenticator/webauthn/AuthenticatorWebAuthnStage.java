package dev.flowstage.stages.authenticator.webauthn;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.Stage;
import dev.flowstage.spi.StageContext;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.authenticator.internal.AuthenticatorUsers;
import dev.flowstage.stages.authenticator.internal.CodeHashes;
import dev.flowstage.stages.authenticator.internal.Devices;
import dev.flowstage.stages.authenticator.internal.WebAuthnCeremonies;
import dev.flowstage.stages.internal.StageSupport;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registers a WebAuthn credential (security key, platform authenticator, passkey); authentik's
 * WebAuthn setup stage. The challenge's {@code registration} is WebAuthn's
 * PublicKeyCredentialCreationOptions as JSON (base64url binary fields), for the browser's
 * {@code navigator.credentials.create}; the response's {@code response} is the resulting
 * PublicKeyCredential, verified with webauthn4j: the challenge of this execution, an allowed
 * origin, the relying party id hash, user presence, user verification when required, and an
 * allowed algorithm (ES256, EdDSA, RS256).
 *
 * <p>The challenge is 32 random bytes kept in the context under {@link #challengeKey(String)} and
 * replaced after every rejected response. A failure gets "Registration failed. Error: &lt;reason&gt;"
 * on {@code response}; a credential already registered (by anyone) gets "Credential ID already
 * exists.". Without a user that may set up a device the stage passes through. Needs the {@link
 * dev.flowstage.spi.DeviceStore} service. Stateless and thread-safe.
 */
public final class AuthenticatorWebAuthnStage implements Stage<AuthenticatorWebAuthnConfig> {
    /** The stage type id. */
    public static final String TYPE = "builtin.authenticator_webauthn";
    /** The challenge component. */
    public static final String COMPONENT = "ak-stage-authenticator-webauthn";
    /** The prefix of a rejected registration's error. */
    public static final String REGISTRATION_FAILED = "Registration failed. Error: ";
    /** The error for a credential that is already registered. */
    public static final String ALREADY_EXISTS = "Credential ID already exists.";

    private static final String RESPONSE = "response";

    /** Creates the stage; it holds no state. */
    public AuthenticatorWebAuthnStage() {}

    /** Returns a stage definition named {@code name} of this type with {@code config}. */
    public static StageDefinition definition(String name, AuthenticatorWebAuthnConfig config) {
        return StageDefinition.of(name, TYPE, config);
    }

    /** Returns the context key of the base64url registration challenge of the stage named {@code stageName}. */
    public static ContextKey<String> challengeKey(String stageName) {
        return ContextKey.of("goauthentik.io/stages/authenticator_webauthn/" + stageName + "/challenge", String.class);
    }

    /** Returns {@value #TYPE}. */
    @Override
    public String typeId() {
        return TYPE;
    }

    /** Returns {@link AuthenticatorWebAuthnConfig}. */
    @Override
    public Class<AuthenticatorWebAuthnConfig> configType() {
        return AuthenticatorWebAuthnConfig.class;
    }

    /** Returns a one-line description of the stage. */
    @Override
    public String description() {
        return "Registers a WebAuthn credential (security key or passkey)";
    }

    /** Returns a problem for each origin that is not https (or http on localhost) on the relying party id. */
    @Override
    public List<String> validate(AuthenticatorWebAuthnConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.origins() == null || config.rpId() == null) {
            return problems;
        }
        for (String origin : config.origins()) {
            if (origin != null && !(WebAuthnCeremonies.validOrigin(origin) && onRelyingParty(origin, config.rpId()))) {
                problems.add("origins: '" + origin + "' is not an https origin on relying party id '" + config.rpId() + "'");
            }
        }
        return problems;
    }

    /** Passes through without a user to set up; otherwise draws a challenge and shows the registration options. */
    @Override
    public StageResult arrive(StageContext<AuthenticatorWebAuthnConfig> ctx) {
        if (AuthenticatorUsers.forSetup(ctx).isEmpty()) {
            return StageResult.proceed();
        }
        return StageResult.show(freshChallenge(ctx));
    }

    /**
     * Returns the {@value #COMPONENT} challenge with {@code registration}.
     *
     * @throws IllegalStateException when the stage did not arrive (no challenge in the context)
     */
    @Override
    public Challenge challenge(StageContext<AuthenticatorWebAuthnConfig> ctx) {
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        String challenge = ctx.get(challengeKey(ctx.stageName()))
                .orElseThrow(() -> new IllegalStateException("WebAuthn stage '" + ctx.stageName() + "' has no challenge"));
        return AuthenticatorUsers.withUserInfo(COMPONENT, ctx, user)
                .field("registration", registration(ctx, user, challenge)).build();
    }

    /** Verifies the PublicKeyCredential in {@code response}; stores the credential and proceeds when it verifies. */
    @Override
    public StageResult submit(StageContext<AuthenticatorWebAuthnConfig> ctx, ChallengeResponse response) {
        if (!(response.get(RESPONSE) instanceof Map<?, ?> credential)) {
            return StageResult.invalid(ResponseErrors.of(RESPONSE, StageSupport.REQUIRED));
        }
        Optional<User> user = AuthenticatorUsers.forSetup(ctx);
        Optional<String> challenge = ctx.get(challengeKey(ctx.stageName()));
        if (user.isEmpty() || challenge.isEmpty()) {
            return StageResult.proceed(ContextUpdate.none().remove(challengeKey(ctx.stageName())));
        }
        AuthenticatorWebAuthnConfig config = ctx.config();
        WebAuthnCeremonies.Outcome<Map<String, Object>> outcome = WebAuthnCeremonies.register(credential,
                new WebAuthnCeremonies.Expectation(config.origins(), config.rpId(), Base64.getUrlDecoder().decode(challenge.get()),
                        config.userVerification() == UserVerification.REQUIRED));
        if (!outcome.succeeded()) {
            return StageResult.invalid(ResponseErrors.invalid(RESPONSE, REGISTRATION_FAILED + outcome.error()), freshChallenge(ctx));
        }
        String id = deviceId(Devices.string(outcome.value(), WebAuthnCeremonies.CREDENTIAL_ID));
        if (Devices.store(ctx).find(id).isPresent()) {
            return StageResult.invalid(ResponseErrors.invalid(RESPONSE, ALREADY_EXISTS), freshChallenge(ctx));
        }
        Devices.insert(ctx, id, user.get(), DeviceKind.WEBAUTHN, config.friendlyName(), outcome.value());
        return StageResult.proceed(ContextUpdate.none().remove(challengeKey(ctx.stageName())));
    }

    /** Returns the device id of a credential: derived from its id, so the store refuses a second registration. */
    static String deviceId(String credentialId) {
        return "webauthn-" + CodeHashes.sha256(credentialId).substring(0, 40);
    }

    private static ContextUpdate freshChallenge(StageContext<?> ctx) {
        byte[] challenge = new byte[32];
        ctx.random().nextBytes(challenge);
        return ContextUpdate.of(challengeKey(ctx.stageName()), WebAuthnCeremonies.b64(challenge));
    }

    private static Map<String, Object> registration(StageContext<AuthenticatorWebAuthnConfig> ctx, Optional<User> user,
            String challenge) {
        AuthenticatorWebAuthnConfig config = ctx.config();
        String username = user.map(User::username).orElse("");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rp", Map.of("id", config.rpId(), "name", config.rpName()));
        options.put("user", Map.of("id", userHandle(user.map(User::id).orElse("")), "name", username,
                "displayName", user.map(User::name).filter(name -> !name.isBlank()).orElse(username)));
        options.put("challenge", challenge);
        options.put("pubKeyCredParams", WebAuthnCeremonies.algorithms());
        options.put("timeout", WebAuthnCeremonies.TIMEOUT_MILLIS);
        options.put("excludeCredentials", existing(ctx, user));
        options.put("authenticatorSelection", Map.of("residentKey", config.residentKey().wireName(),
                "requireResidentKey", config.residentKey() == ResidentKey.REQUIRED,
                "userVerification", config.userVerification().wireName()));
        options.put("attestation", config.attestation());
        return options;
    }

    private static List<Object> existing(StageContext<?> ctx, Optional<User> user) {
        if (user.isEmpty()) {
            return List.of();
        }
        List<Object> credentials = new ArrayList<>();
        for (AuthenticatorDevice device : Devices.confirmed(ctx, user.get(), EnumSet.of(DeviceKind.WEBAUTHN))) {
            credentials.add(Map.of("type", "public-key", "id", Devices.string(device.data(), WebAuthnCeremonies.CREDENTIAL_ID)));
        }
        return credentials;
    }

    /** Returns the WebAuthn user handle: a hash of the user id, so that no personal data reaches the authenticator. */
    private static String userHandle(String userId) {
        byte[] hash = HexFormat.of().parseHex(CodeHashes.sha256("flowstage-user:" + userId));
        return WebAuthnCeremonies.b64(hash);
    }

    private static boolean onRelyingParty(String origin, String rpId) {
        String host = URI.create(origin).getHost();
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        String rp = rpId.toLowerCase(Locale.ROOT);
        return lower.equals(rp) || lower.endsWith("." + rp);
    }
}
