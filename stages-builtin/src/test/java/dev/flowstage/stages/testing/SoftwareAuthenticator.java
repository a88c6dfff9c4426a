package dev.flowstage.stages.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WebAuthn authenticator in software, as a browser plus security key would answer: an EC P-256
 * key pair, real CBOR authenticator data with a COSE public key, a {@code none} attestation
 * object, clientDataJSON, and ES256 assertion signatures. Each ceremony can be tampered with
 * (origin, challenge, relying party, user verification) to check that the server refuses it.
 * Not thread-safe.
 */
public final class SoftwareAuthenticator {
    private static final int UP = 0x01;
    private static final int UV = 0x04;
    private static final int AT = 0x40;
    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private String userHandle;
    private long signCount;
    private boolean counter = true;

    /** Creates an authenticator with a fresh key pair and credential id from {@code random}. */
    public SoftwareAuthenticator(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        random.nextBytes(credentialId);
    }

    /** How a ceremony deviates from what the options ask for. */
    public record Tamper(String origin, String challenge, String rpId, boolean userVerified) {
        /** Returns an honest ceremony from {@code origin}. */
        public static Tamper honest(String origin) {
            return new Tamper(origin, null, null, true);
        }

        /** Returns this ceremony answering {@code value} instead of the server's challenge. */
        public Tamper challenge(String value) {
            return new Tamper(origin, value, rpId, userVerified);
        }

        /** Returns this ceremony scoped to relying party {@code value}. */
        public Tamper rpId(String value) {
            return new Tamper(origin, challenge, value, userVerified);
        }

        /** Returns this ceremony without user verification. */
        public Tamper unverified() {
            return new Tamper(origin, challenge, rpId, false);
        }
    }

    /** Makes the authenticator keep its signature counter at zero, as many passkeys do. */
    public SoftwareAuthenticator withoutCounter() {
        counter = false;
        return this;
    }

    /** Sets the signature counter, as a cloned authenticator would have it. */
    public SoftwareAuthenticator withSignCount(long value) {
        signCount = value;
        return this;
    }

    /** Returns the base64url credential id. */
    public String credentialId() {
        return b64(credentialId);
    }

    /** Answers {@code navigator.credentials.create} for the PublicKeyCredentialCreationOptions {@code options}. */
    public Map<String, Object> create(Map<?, ?> options, Tamper tamper) {
        Map<?, ?> rp = (Map<?, ?>) options.get("rp");
        userHandle = String.valueOf(((Map<?, ?>) options.get("user")).get("id"));
        String rpId = tamper.rpId() != null ? tamper.rpId() : String.valueOf(rp.get("id"));
        byte[] clientData = clientData("webauthn.create", options, tamper);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP | AT | (tamper.userVerified() ? UV : 0));
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) signCount).array());
        authData.writeBytes(new byte[16]);
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        Map<String, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData.toByteArray());
        return credential(Map.of("clientDataJSON", b64(clientData), "attestationObject", b64(MiniCbor.encode(attestation)),
                "transports", java.util.List.of("usb")));
    }

    /** Answers {@code navigator.credentials.get} for the PublicKeyCredentialRequestOptions {@code options}. */
    public Map<String, Object> get(Map<?, ?> options, Tamper tamper) {
        String rpId = tamper.rpId() != null ? tamper.rpId() : String.valueOf(options.get("rpId"));
        if (counter) {
            signCount++;
        }
        byte[] clientData = clientData("webauthn.get", options, tamper);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP | (tamper.userVerified() ? UV : 0));
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) signCount).array());
        byte[] data = authData.toByteArray();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", b64(clientData));
        response.put("authenticatorData", b64(data));
        response.put("signature", b64(sign(data, sha256(clientData))));
        response.put("userHandle", userHandle);
        return credential(response);
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        return credential;
    }

    private static byte[] clientData(String type, Map<?, ?> options, Tamper tamper) {
        String challenge = tamper.challenge() != null ? tamper.challenge() : String.valueOf(options.get("challenge"));
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + tamper.origin()
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        Map<Object, Object> cose = new LinkedHashMap<>();
        cose.put(1, 2);
        cose.put(3, -7);
        cose.put(-1, 1);
        cose.put(-2, unsigned32(key.getW().getAffineX()));
        cose.put(-3, unsigned32(key.getW().getAffineY()));
        return MiniCbor.encode(cose);
    }

    private byte[] sign(byte[] authData, byte[] clientDataHash) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(authData);
            signature.update(clientDataHash);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
