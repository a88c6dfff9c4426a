package dev.flowstage.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Estimates how guessable a password is, as a zxcvbn-style score from 0 (trivial) to 4 (strong).
 *
 * <p>This is an <b>approximation written for Flowstage, not zxcvbn</b>: it has no frequency lists
 * beyond about a hundred of the most common passwords and no spatial keyboard graphs. It covers the
 * password's first {@value #MAX_CHARS} characters with the cheapest sequence of pieces, in bits:
 * <ul>
 *   <li>a brute-forced character costs log2 of the character pool in use (lower, upper, digits,
 *       symbols, other);</li>
 *   <li>a common password, or a word of the user's own inputs (username, name, email and its
 *       parts), costs log2 of its rank, plus a bit for capitals and a bit for "leet" substitutions
 *       such as {@code p@ssw0rd};</li>
 *   <li>a repeat ({@code aaaa}, {@code abcabc}) costs one copy plus log2 of the number of copies;</li>
 *   <li>a sequence ({@code abcd}, {@code 4321}) or a keyboard row ({@code qwerty}) costs a few bits
 *       plus log2 of its length, and a year from 1900 to 2099 about 7.6 bits.</li>
 * </ul>
 * The bits map to zxcvbn's guess thresholds: fewer than 10^3 guesses is 0, 10^6 is 1, 10^8 is 2,
 * 10^10 is 3, more is 4. Dictionary words it does not know (long English words) are rated as random
 * letters, so it over-rates them; combine it with a minimum length.
 *
 * <p>Pure computation, at most cubic in the capped length; stateless and thread-safe.
 */
public final class PasswordStrength {
    /** The number of leading characters (code points) that are scored, as authentik does for zxcvbn. */
    public static final int MAX_CHARS = 72;
    private static final double[] SCORE_BITS = {log2(1e3), log2(1e6), log2(1e8), log2(1e10)};
    private static final Map<String, Integer> COMMON = ranks(CommonPasswords.LIST);
    private static final String MORE_CHARACTERS = "Add more characters; a few uncommon words together are strong.";

    private PasswordStrength() {}

    /** What made a password guessable, reported as advice. */
    enum Weakness {
        COMMON("Avoid common passwords and words."),
        PERSONAL("Avoid your name, username or email address."),
        REPEAT("Avoid repeated characters and patterns."),
        SEQUENCE("Avoid sequences such as abc, 4321 or keyboard rows."),
        YEAR("Avoid years and dates.");

        private final String advice;

        Weakness(String advice) {
            this.advice = advice;
        }
    }

    /**
     * The estimate of one password.
     *
     * @param score 0 (trivial) to 4 (strong)
     * @param bits the estimated number of guesses, as log2
     * @param feedback advice for the user, which never quotes the password
     */
    public record Estimate(int score, double bits, List<String> feedback) {
        /** Copies the feedback. */
        public Estimate {
            feedback = List.copyOf(feedback);
        }
    }

    /** One candidate piece of a cover: the index it reaches, its cost in bits, its weakness (null for brute force). */
    private record Piece(int end, double bits, Weakness weakness) {}

    /** The last piece of the cheapest cover of a prefix: where it starts, the prefix's total bits, its weakness. */
    private record Step(int start, double bits, Weakness weakness) {}

    /**
     * Returns the estimate of {@code password}; {@code userInputs} are words the user is known by
     * (null or blank ones are ignored).
     */
    public static Estimate estimate(String password, Collection<String> userInputs) {
        int[] chars = password.codePoints().limit(MAX_CHARS).toArray();
        if (chars.length == 0) {
            return new Estimate(0, 0, List.of(MORE_CHARACTERS));
        }
        Cover cover = new Cover(new Dictionary(personalWords(userInputs)), log2(poolSize(chars)));
        Step[] best = cover.cheapest(chars);
        double bits = best[chars.length].bits();
        int score = score(bits);
        return new Estimate(score, bits, feedback(best, chars.length, score));
    }

    private static List<String> feedback(Step[] best, int length, int score) {
        Set<String> advice = new LinkedHashSet<>();
        for (int end = length; end > 0; end = best[end].start()) {
            if (best[end].weakness() != null) {
                advice.add(best[end].weakness().advice);
            }
        }
        if (score < 3) {
            advice.add(MORE_CHARACTERS);
        }
        return List.copyOf(advice);
    }

    private static int score(double bits) {
        int score = 0;
        while (score < SCORE_BITS.length && bits >= SCORE_BITS[score]) {
            score++;
        }
        return score;
    }

    /** Returns the size of the character classes that {@code chars} use. */
    static int poolSize(int[] chars) {
        boolean lower = false, upper = false, digit = false, symbol = false, other = false;
        for (int c : chars) {
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
            symbol |= c >= ' ' && c < 0x7f && !Character.isLetterOrDigit(c);
            other |= c >= 0x7f || c < ' ';
        }
        return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);
    }

    private static Map<String, Integer> personalWords(Collection<String> inputs) {
        List<String> words = new ArrayList<>();
        for (String input : inputs == null ? List.<String>of() : inputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            String lower = lowerCase(input.strip().codePoints().limit(MAX_CHARS).toArray());
            words.add(lower);
            words.addAll(List.of(lower.split("[\\s@._+\\-]+")));
        }
        words.removeIf(word -> word.codePointCount(0, word.length()) < 3);
        return ranks(words);
    }

    private static Map<String, Integer> ranks(List<String> words) {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ranks.putIfAbsent(words.get(i), i + 1);
        }
        return Map.copyOf(ranks);
    }

    private static String lowerCase(int[] chars) {
        int[] lower = Arrays.stream(chars).map(Character::toLowerCase).toArray();
        return new String(lower, 0, lower.length);
    }

    static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    /** The common passwords and the user's own words, by rank (1 is the most likely). */
    private record Dictionary(Map<String, Integer> personal, int longest) {
        Dictionary(Map<String, Integer> personal) {
            this(personal, longestKey(personal));
        }

        /** Returns the piece for {@code word} ending at {@code end}, or null when it is in neither list. */
        Piece lookup(String word, int end) {
            Integer rank = personal.get(word);
            if (rank != null) {
                return new Piece(end, log2(rank), Weakness.PERSONAL);
            }
            rank = COMMON.get(word);
            return rank == null ? null : new Piece(end, log2(rank), Weakness.COMMON);
        }

        private static int longestKey(Map<String, Integer> personal) {
            int longest = 0;
            for (String word : personal.keySet()) {
                longest = Math.max(longest, word.codePointCount(0, word.length()));
            }
            for (String word : COMMON.keySet()) {
                longest = Math.max(longest, word.length());
            }
            return longest;
        }
    }

    /**
     * Finds the cheapest cover of a password (and, for repeats, of the repeated block, memoised) by
     * dynamic programming over the patterns that start at each position. Not thread-safe: one per estimate.
     */
    private static final class Cover {
        private final Dictionary dictionary;
        private final double charBits;
        private final Map<String, Double> blockBits = new HashMap<>();

        Cover(Dictionary dictionary, double charBits) {
            this.dictionary = dictionary;
            this.charBits = charBits;
        }

        /** Returns, for each prefix length of {@code chars}, the last step of its cheapest cover. */
        Step[] cheapest(int[] chars) {
            PasswordText text = new PasswordText(chars);
            Step[] best = new Step[chars.length + 1];
            best[0] = new Step(0, 0, null);
            for (int i = 0; i < chars.length; i++) {
                for (Piece piece : piecesAt(text, i)) {
                    double total = best[i].bits() + piece.bits();
                    if (best[piece.end()] == null || total < best[piece.end()].bits()) {
                        best[piece.end()] = new Step(i, total, piece.weakness());
                    }
                }
            }
            return best;
        }

        private List<Piece> piecesAt(PasswordText text, int start) {
            List<Piece> out = new ArrayList<>();
            out.add(new Piece(start + 1, charBits, null));
            addWords(text, start, out);
            addRepeats(text.chars(), start, out);
            addSequences(text, start, out);
            addYear(text.chars(), start, out);
            return out;
        }

        private void addWords(PasswordText text, int start, List<Piece> out) {
            int last = Math.min(text.chars().length, start + dictionary.longest());
            for (int end = start + 3; end <= last; end++) {
                Piece plain = dictionary.lookup(text.lower(start, end), end);
                Piece leet = plain == null ? dictionary.lookup(text.unLeet(start, end), end) : null;
                Piece match = plain != null ? plain : leet;
                if (match != null) {
                    double extra = text.capitalBits(start, end) + (leet != null ? 1 : 0);
                    out.add(new Piece(end, Math.max(1, match.bits() + extra), match.weakness()));
                }
            }
        }

        /** Repeats of a block of {@code k} characters, at least twice and at least three characters in all. */
        private void addRepeats(int[] chars, int start, List<Piece> out) {
            for (int k = 1; start + 2 * k <= chars.length; k++) {
                int copies = 1;
                while (start + (copies + 1) * k <= chars.length && sameBlock(chars, start, start + copies * k, k)) {
                    copies++;
                }
                if (copies >= 2 && copies * k >= 3) {
                    double block = bitsOf(Arrays.copyOfRange(chars, start, start + k));
                    out.add(new Piece(start + copies * k, block + log2(copies), Weakness.REPEAT));
                }
            }
        }

        /** Returns the cost of one copy of a repeated block: its own cheapest cover. */
        private double bitsOf(int[] block) {
            String key = new String(block, 0, block.length);
            Double known = blockBits.get(key);
            if (known == null) {
                known = block.length == 1 ? charBits : cheapest(block)[block.length].bits();
                blockBits.put(key, known);
            }
            return known;
        }

        private static void addSequences(PasswordText text, int start, List<Piece> out) {
            int[] chars = text.chars();
            int end = start + 1;
            int delta = end < chars.length ? chars[end] - chars[start] : 0;
            while (Math.abs(delta) == 1 && end < chars.length && chars[end] - chars[end - 1] == delta) {
                end++;
            }
            if (end - start >= 3) {
                out.add(new Piece(end, log2(26) + log2(end - start) + (delta < 0 ? 1 : 0), Weakness.SEQUENCE));
            }
            int row = text.keyboardRun(start);
            if (row >= 3) {
                out.add(new Piece(start + row, log2(PasswordText.KEYBOARD_ROWS.size() * 10.0) + log2(row), Weakness.SEQUENCE));
            }
        }

        private static void addYear(int[] chars, int start, List<Piece> out) {
            if (start + 4 > chars.length) {
                return;
            }
            boolean digits = true;
            for (int i = start; i < start + 4; i++) {
                digits &= chars[i] >= '0' && chars[i] <= '9';
            }
            boolean century = (chars[start] == '1' && chars[start + 1] == '9')
                    || (chars[start] == '2' && chars[start + 1] == '0');
            if (digits && century) {
                out.add(new Piece(start + 4, log2(200), Weakness.YEAR));
            }
        }

        private static boolean sameBlock(int[] chars, int first, int second, int k) {
            for (int i = 0; i < k; i++) {
                if (chars[first + i] != chars[second + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
