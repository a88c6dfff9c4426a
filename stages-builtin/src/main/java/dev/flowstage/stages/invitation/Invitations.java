package dev.flowstage.stages.invitation;

import dev.flowstage.api.Invitation;
import dev.flowstage.api.Secret;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.stages.internal.StageSupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues invitations for the invitation stage. The raw token is 256 random bits, URL-safe base64
 * without padding; it is returned once, in {@link Issued}, and only its SHA-256 hash is stored.
 * Hand it to the invitee as the flow's {@code itoken} query parameter. Thread-safe.
 */
public final class Invitations {
    private static final int TOKEN_BYTES = 32;

    private Invitations() {}

    /**
     * A newly issued invitation and its raw token, which exists nowhere else: show or send it once.
     *
     * @param invitation the stored invitation (holding only the token's hash)
     * @param token the raw token; prints as redacted
     */
    public record Issued(Invitation invitation, Secret token) {
        /** Validates the parts. */
        public Issued {
            Objects.requireNonNull(invitation, "invitation");
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * Creates an invitation, saves it in {@code store} and returns it with its raw token.
     *
     * @param store where the invitation is saved
     * @param random the source of the token and the id
     * @param clock the clock that {@code validity} counts from
     * @param name a name for administrators, not blank
     * @param validity how long the invitation is valid, or null for never expiring; positive
     * @param singleUse whether the invitation is deleted when used
     * @param fixedData values merged into the invitee's prompt data, overriding what they typed
     * @param flowSlug the only flow the invitation is valid for, or null for any flow
     * @param createdBy who issued it, or empty string
     * @throws IllegalArgumentException naming the value when {@code name} is blank, {@code validity}
     *     is not positive, {@code flowSlug} is not a slug or {@code fixedData} is not JSON data
     */
    public static Issued issue(InvitationStore store, SecureRandom random, Clock clock, String name, Duration validity,
            boolean singleUse, Map<String, Object> fixedData, String flowSlug, String createdBy) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("invitation name must not be blank");
        }
        if (validity != null && (validity.isZero() || validity.isNegative())) {
            throw new IllegalArgumentException("invitation '" + name + "': validity must be positive, got " + validity);
        }
        if (flowSlug != null && !StageSupport.isSlug(flowSlug)) {
            throw new IllegalArgumentException("invitation '" + name + "': flow '" + flowSlug + "' is not a slug");
        }
        Secret token = Secret.of(newToken(random));
        Instant expires = validity == null ? null : clock.instant().plus(validity);
        Invitation invitation = new Invitation(newId(random), name, hash(token.reveal()), expires, singleUse, fixedData,
                flowSlug, createdBy);
        store.save(invitation);
        return new Issued(invitation, token);
    }

    /** Returns the lower-case hex SHA-256 of {@code rawToken}'s UTF-8 bytes: what invitations store. */
    public static String hash(String rawToken) {
        Objects.requireNonNull(rawToken, "rawToken");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns a random (version 4) UUID drawn from {@code random}, like authentik's invite ids. */
    private static String newId(SecureRandom random) {
        long high = random.nextLong();
        long low = random.nextLong();
        high = (high & ~0xF000L) | 0x4000L;
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
