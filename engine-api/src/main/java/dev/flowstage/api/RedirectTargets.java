package dev.flowstage.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a redirect target is safe: a relative path on this host ({@code /if/user/}, not
 * {@code //evil.example}), or an absolute {@code http(s)} URL whose host is on the allow-list.
 * {@code javascript:}, {@code data:} and every other scheme are refused, as are control characters
 * and backslashes (which some browsers read as slashes).
 */
public final class RedirectTargets {
    private RedirectTargets() {}

    /** Returns whether {@code target} is safe to redirect to given {@code allowedHosts} (lower-case host names). */
    public static boolean isSafe(String target, Set<String> allowedHosts) {
        if (target == null || target.isEmpty() || target.length() > 2048) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null) {
            return uri.getRawAuthority() == null && target.startsWith("/") && !target.startsWith("//");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        String host = uri.getHost();
        return host != null && uri.getRawUserInfo() == null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Returns {@code target} if it is safe, else {@code fallback}. */
    public static String orElse(String target, Set<String> allowedHosts, String fallback) {
        return isSafe(target, allowedHosts) ? target : fallback;
    }
}
