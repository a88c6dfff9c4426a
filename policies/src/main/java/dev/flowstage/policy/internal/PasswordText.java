package dev.flowstage.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A password's code points with their lower-case and un-leeted forms, computed once, for {@link PasswordStrength}. */
final class PasswordText {
    /** Keyboard rows and common column walks, each also reversed. */
    static final List<String> KEYBOARD_ROWS = withReversed(List.of(
            "qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "qwertzuiop", "azertyuiop", "qazwsxedc"));

    private final int[] chars;
    private final int[] lower;
    private final int[] plain;

    PasswordText(int[] chars) {
        this.chars = chars;
        this.lower = Arrays.stream(chars).map(Character::toLowerCase).toArray();
        this.plain = Arrays.stream(lower).map(PasswordText::unLeet).toArray();
    }

    String lower(int start, int end) {
        return new String(lower, start, end - start);
    }

    String unLeet(int start, int end) {
        return new String(plain, start, end - start);
    }

    /** One bit when only the first letter or every letter is a capital, more for mixed case. */
    double capitalBits(int start, int end) {
        int upper = 0;
        int lowerCount = 0;
        for (int i = start; i < end; i++) {
            upper += Character.isUpperCase(chars[i]) ? 1 : 0;
            lowerCount += Character.isLowerCase(chars[i]) ? 1 : 0;
        }
        if (upper == 0) {
            return 0;
        }
        boolean simple = lowerCount == 0 || (upper == 1 && Character.isUpperCase(chars[start]));
        return simple ? 1 : Math.min(upper, lowerCount) * PasswordStrength.log2(end - start);
    }

    /** Returns the length of the longest run from {@code start} along a keyboard row, either way. */
    int keyboardRun(int start) {
        int longest = 0;
        for (String row : KEYBOARD_ROWS) {
            int at = row.indexOf(lower[start]);
            int length = 0;
            while (at >= 0 && at + length < row.length() && start + length < lower.length
                    && row.charAt(at + length) == lower[start + length]) {
                length++;
            }
            longest = Math.max(longest, length);
        }
        return longest;
    }

    private static int unLeet(int c) {
        switch (c) {
            case '0': return 'o';
            case '1': case '!': return 'i';
            case '3': return 'e';
            case '4': case '@': return 'a';
            case '5': case '$': return 's';
            case '7': case '+': return 't';
            default: return c;
        }
    }

    int[] chars() {
        return chars;
    }

    private static List<String> withReversed(List<String> rows) {
        List<String> all = new ArrayList<>(rows);
        rows.forEach(row -> all.add(new StringBuilder(row).reverse().toString()));
        return List.copyOf(all);
    }
}
