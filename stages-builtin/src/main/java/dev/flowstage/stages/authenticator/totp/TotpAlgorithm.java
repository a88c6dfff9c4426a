package dev.flowstage.stages.authenticator.totp;

import java.util.Arrays;

/** The HMAC of a TOTP device (RFC 6238 §1.2); SHA1 is what every authenticator app supports. */
public enum TotpAlgorithm {
    /** HMAC-SHA1 with a 20-byte key; the default, and the only one some apps honour. */
    SHA1("HmacSHA1", 20),
    /** HMAC-SHA256 with a 32-byte key. */
    SHA256("HmacSHA256", 32),
    /** HMAC-SHA512 with a 64-byte key. */
    SHA512("HmacSHA512", 64);

    private final String macName;
    private final int keyBytes;

    TotpAlgorithm(String macName, int keyBytes) {
        this.macName = macName;
        this.keyBytes = keyBytes;
    }

    /** Returns the JCA name of the MAC, such as {@code HmacSHA1}. */
    public String macName() {
        return macName;
    }

    /** Returns the key length RFC 6238 recommends for this HMAC: the length of its output. */
    public int keyBytes() {
        return keyBytes;
    }

    /** Returns the name used in otpauth URIs and device data: {@code SHA1}, {@code SHA256}, {@code SHA512}. */
    public String wireName() {
        return name();
    }

    /**
     * Returns the algorithm whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static TotpAlgorithm fromWireName(String wireName) {
        return Arrays.stream(values()).filter(value -> value.name().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("TOTP algorithm '" + wireName + "' is not one of "
                        + Arrays.toString(values())));
    }
}
