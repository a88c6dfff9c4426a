package dev.flowstage.stages.authenticator.internal;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.NotAllowedCredentialIdException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import dev.flowstage.api.AuthenticatorDevice;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WebAuthn registration and assertion verified with webauthn4j. Credentials are kept in device data:
 * {@code credential_id} and {@code attested_credential_data} (base64url; the latter holds the COSE
 * public key), {@code sign_count}, {@code rp_id}, {@code origins}, {@code uv_initialized},
 * {@code backup_eligible}, {@code backup_state}, {@code transports}, {@code aaguid}. Only the
 * {@code none} attestation is requested, so no trust anchors are needed. Thread-safe.
 */
public final class WebAuthnCeremonies {
    /** The data key of the base64url credential id. */
    public static final String CREDENTIAL_ID = "credential_id";
    /** The data key of the signature counter. */
    public static final String SIGN_COUNT = "sign_count";
    /** The data key of the relying party id the credential is scoped to. */
    public static final String RP_ID = "rp_id";
    /** The data key of the origins accepted when the credential was registered. */
    public static final String ORIGINS = "origins";
    /** How long the browser may take, in milliseconds. */
    public static final int TIMEOUT_MILLIS = 60_000;
    private static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager();
    private static final AttestedCredentialDataConverter CONVERTER = new AttestedCredentialDataConverter(new ObjectConverter());
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private WebAuthnCeremonies() {}

    /** Either a value or why the ceremony failed (a short reason safe to show). */
    public record Outcome<T>(T value, String error) {
        static <T> Outcome<T> ok(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> failed(String error) {
            return new Outcome<>(null, error);
        }

        /** Returns whether the ceremony succeeded. */
        public boolean succeeded() {
            return error == null;
        }
    }

    /** What a ceremony is checked against: the accepted origins, the relying party id and the challenge. */
    public record Expectation(Set<String> origins, String rpId, byte[] challenge, boolean userVerificationRequired) {}

    /** Returns the COSE algorithm ids offered at registration: ES256, EdDSA, RS256. */
    public static List<Object> algorithms() {
        return ALGORITHMS.stream().<Object>map(p -> Map.of("type", "public-key", "alg", (int) p.getAlg().getValue()))
                .toList();
    }

    /** Returns {@code bytes} as unpadded base64url. */
    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns whether {@code origin} is an origin webauthn4j accepts. */
    public static boolean validOrigin(String origin) {
        try {
            Origin.create(origin);
            return origin.startsWith("https://") || origin.startsWith("http://localhost");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Verifies the registration {@code credential} (a PublicKeyCredential as JSON-like data with
     * base64url {@code response.clientDataJSON} and {@code response.attestationObject}) and returns
     * the device data of the new credential.
     */
    public static Outcome<Map<String, Object>> register(Map<?, ?> credential, Expectation expected) {
        try {
            Map<?, ?> response = map(credential.get("response"));
            RegistrationRequest request = new RegistrationRequest(bytes(response.get("attestationObject")),
                    bytes(response.get("clientDataJSON")), null, transports(response));
            RegistrationParameters parameters = new RegistrationParameters(server(expected), ALGORITHMS,
                    expected.userVerificationRequired(), true);
            RegistrationData data = MANAGER.verify(request, parameters);
            return Outcome.ok(deviceData(data, expected, request.getTransports()));
        } catch (WebAuthnException | IllegalArgumentException | NullPointerException e) {
            return Outcome.failed(reason(e));
        }
    }

    /**
     * Verifies the assertion {@code credential} against the stored credential of {@code device}
     * and returns the new signature counter. Fails when the counter did not increase (unless both
     * are zero, for authenticators without a counter).
     */
    public static Outcome<Long> authenticate(Map<?, ?> credential, AuthenticatorDevice device, List<byte[]> allowed,
            Expectation expected) {
        try {
            Map<?, ?> response = map(credential.get("response"));
            Object userHandle = response.get("userHandle");
            AuthenticationRequest request = new AuthenticationRequest(credentialId(credential).orElseThrow(),
                    userHandle == null ? null : bytes(userHandle), bytes(response.get("authenticatorData")),
                    bytes(response.get("clientDataJSON")), null, bytes(response.get("signature")));
            AuthenticationParameters parameters = new AuthenticationParameters(server(expected), record(device), allowed,
                    expected.userVerificationRequired(), true);
            AuthenticationData data = MANAGER.verify(request, parameters);
            return Outcome.ok(data.getAuthenticatorData().getSignCount());
        } catch (WebAuthnException | IllegalArgumentException | NullPointerException | java.util.NoSuchElementException e) {
            return Outcome.failed(reason(e));
        }
    }

    /** Returns the credential id of a PublicKeyCredential ({@code rawId}, else {@code id}), if readable. */
    public static Optional<byte[]> credentialId(Map<?, ?> credential) {
        Object raw = credential.get("rawId") != null ? credential.get("rawId") : credential.get("id");
        try {
            return raw instanceof String text ? Optional.of(Base64.getUrlDecoder().decode(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns the credential id stored in {@code device}'s data. */
    public static byte[] storedCredentialId(AuthenticatorDevice device) {
        return Base64.getUrlDecoder().decode(Devices.string(device.data(), CREDENTIAL_ID));
    }

    private static ServerProperty server(Expectation expected) {
        Set<Origin> origins = new LinkedHashSet<>();
        expected.origins().forEach(origin -> origins.add(Origin.create(origin)));
        return ServerProperty.builder().origins(origins).rpId(expected.rpId())
                .challenge(new DefaultChallenge(expected.challenge())).build();
    }

    private static CredentialRecordImpl record(AuthenticatorDevice device) {
        Map<String, Object> data = device.data();
        AttestedCredentialData attested = CONVERTER.convert(
                Base64.getUrlDecoder().decode(Devices.string(data, "attested_credential_data")));
        return new CredentialRecordImpl(new NoneAttestationStatement(), flag(data, "uv_initialized"),
                flag(data, "backup_eligible"), flag(data, "backup_state"), Devices.longValue(data, SIGN_COUNT, 0),
                attested, null, null, null, null);
    }

    private static Map<String, Object> deviceData(RegistrationData registration, Expectation expected,
            Set<String> transports) {
        AuthenticatorData<?> authenticator = registration.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authenticator.getAttestedCredentialData();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(CREDENTIAL_ID, b64(attested.getCredentialId()));
        data.put("attested_credential_data", b64(CONVERTER.convert(attested)));
        data.put(SIGN_COUNT, authenticator.getSignCount());
        data.put(RP_ID, expected.rpId());
        data.put(ORIGINS, List.copyOf(expected.origins()));
        data.put("uv_initialized", authenticator.isFlagUV());
        data.put("backup_eligible", authenticator.isFlagBE());
        data.put("backup_state", authenticator.isFlagBS());
        data.put("transports", transports == null ? List.of() : List.copyOf(transports));
        data.put("aaguid", attested.getAaguid().toString());
        return data;
    }

    private static Boolean flag(Map<String, Object> data, String key) {
        return Boolean.TRUE.equals(data.get(key));
    }

    private static Set<String> transports(Map<?, ?> response) {
        Set<String> transports = new LinkedHashSet<>();
        if (response.get("transports") instanceof List<?> list) {
            list.forEach(item -> transports.add(String.valueOf(item)));
        }
        return transports;
    }

    private static Map<?, ?> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("not an object");
    }

    private static byte[] bytes(Object value) {
        if (value instanceof String text) {
            return Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_'));
        }
        throw new IllegalArgumentException("not a base64url string");
    }

    private static String reason(RuntimeException e) {
        if (e instanceof BadOriginException) {
            return "origin mismatch";
        }
        if (e instanceof BadChallengeException || e instanceof MissingChallengeException) {
            return "challenge mismatch";
        }
        if (e instanceof BadRpIdException) {
            return "relying party id mismatch";
        }
        if (e instanceof UserNotVerifiedException) {
            return "user not verified";
        }
        if (e instanceof UserNotPresentException) {
            return "user not present";
        }
        return reasonOfRest(e);
    }

    private static String reasonOfRest(RuntimeException e) {
        if (e instanceof BadSignatureException) {
            return "bad signature";
        }
        if (e instanceof MaliciousCounterValueException) {
            return "signature counter did not increase";
        }
        if (e instanceof NotAllowedCredentialIdException) {
            return "credential not allowed";
        }
        if (e instanceof NotAllowedAlgorithmException) {
            return "algorithm not allowed";
        }
        return e instanceof WebAuthnException && !(e instanceof com.webauthn4j.converter.exception.DataConversionException)
                ? "verification failed" : "malformed response";
    }
}
