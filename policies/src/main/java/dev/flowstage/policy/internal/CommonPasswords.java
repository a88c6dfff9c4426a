package dev.flowstage.policy.internal;

import java.util.List;

/**
 * About a hundred of the passwords that appear most often in published breach compilations, most
 * likely first, lower-case. A short list on purpose: it catches the passwords people actually pick
 * first; it is not a breach corpus.
 */
final class CommonPasswords {
    static final List<String> LIST = List.of(
            "123456", "password", "123456789", "12345678", "12345", "qwerty", "1234567", "111111", "1234567890",
            "123123", "abc123", "password1", "iloveyou", "1q2w3e4r", "000000", "qwerty123", "zaq12wsx", "dragon",
            "sunshine", "princess", "letmein", "654321", "monkey", "1qaz2wsx", "123321", "qwertyuiop", "superman",
            "asdfghjkl", "football", "baseball", "welcome", "admin", "login", "master", "hello", "freedom",
            "whatever", "qazwsx", "trustno1", "starwars", "shadow", "michael", "jennifer", "jordan", "hunter",
            "ashley", "charlie", "donald", "batman", "passw0rd", "password123", "admin123", "root", "toor",
            "changeme", "secret", "default", "guest", "test", "test123", "pass", "pass123", "access", "flower",
            "hottie", "loveme", "zaq1zaq1", "lovely", "michelle", "jessica", "pepper", "daniel", "thomas",
            "killer", "soccer", "hockey", "ranger", "buster", "tigger", "summer", "winter", "cheese", "cookie",
            "chocolate", "computer", "internet", "samsung", "google", "apple", "mustang", "harley", "maggie",
            "ginger", "joshua", "andrew", "matthew", "robert", "william", "liverpool", "arsenal", "chelsea",
            "pokemon", "naruto", "qwer1234", "asdf1234", "1q2w3e", "q1w2e3r4", "aa123456", "abcd1234", "welcome1",
            "letmein1", "iloveu", "666666", "888888", "121212", "112233", "987654321", "azerty", "qwertz");

    private CommonPasswords() {}
}
