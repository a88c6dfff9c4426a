package dev.flowstage.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Explains why an expression that looks like authentik's Python does not compile, with the MVEL
 * equivalents of the Python constructs it uses.
 */
final class PythonHints {
    private static final String EXAMPLE =
            "use `user.username == 'x'` instead of `return request.user.username == 'x'`";
    private static final Pattern PYTHON = Pattern.compile(
            "(^|\\n)\\s*(return|if|for|import|from|def)\\b|\\bak_\\w+\\(|\\brequest\\.(user|context)\\b"
                    + "|\\b(True|False|None)\\b|\\b(and|or|not|in|is)\\s|\\.get\\(|\\bhasattr\\(|\\blen\\(|:\\s*(\\n|$)");
    private static final Map<Pattern, String> HINTS = new LinkedHashMap<>();

    static {
        hint("(^|\\n)\\s*return\\b", "drop `return`: an MVEL expression is its own value");
        hint("(^|\\n)\\s*(if|for|def|import|from)\\b|\\n\\s*\\w+\\s*=[^=]",
                "write one expression, not statements: `a ? b : c` instead of `if`, no assignments");
        hint("\\brequest\\.user\\b", "`request.user` is `user`");
        hint("\\brequest\\.context\\b", "`request.context[\"k\"]` and `request.context.get(\"k\")` are `context.k`");
        hint("\\bak_is_group_member\\(", "`ak_is_group_member(request.user, name=\"g\")` is `isGroupMember(user, 'g')`");
        hint("\\bak_(?!is_group_member)\\w+\\(", "authentik's `ak_*` helpers are not available");
        hint("\\b(and|or|not)\\s", "`and`, `or`, `not` are `&&`, `||`, `!`");
        hint("\\b(True|False|None)\\b", "`True`, `False`, `None` are `true`, `false`, `null`");
        hint("\\.(endswith|startswith|lower|upper|strip)\\(",
                "`.endswith(` `.startswith(` `.lower()` `.upper()` `.strip()` are `.endsWith(` `.startsWith(`"
                        + " `.toLowerCase()` `.toUpperCase()` `.trim()`");
        hint("\\.get\\(", "`x.get(\"k\")` is `x.k` (missing keys read as null)");
        hint("\\bhasattr\\(", "`hasattr(x, \"k\")` is `x.k != null`");
        hint("\\blen\\(", "`len(x)` is `x.size()`");
        hint("\\s(not\\s+)?in\\s", "`a in b` is `b.contains(a)`");
    }

    private PythonHints() {}

    private static void hint(String regex, String text) {
        HINTS.put(Pattern.compile(regex), text);
    }

    /** Returns {@code error}, followed by translation hints when {@code source} looks like Python. */
    static String explain(String source, String error) {
        if (!PYTHON.matcher(source).find()) {
            return error;
        }
        List<String> hints = new ArrayList<>();
        HINTS.forEach((pattern, text) -> {
            if (pattern.matcher(source).find()) {
                hints.add(text);
            }
        });
        return "this looks like authentik's Python, but Flowstage expressions are MVEL (" + error + "); " + EXAMPLE
                + (hints.isEmpty() ? "" : "; " + String.join("; ", hints))
                + " (see the translation table in docs/blueprints.md)";
    }
}
