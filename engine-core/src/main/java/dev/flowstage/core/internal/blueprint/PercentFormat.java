package dev.flowstage.core.internal.blueprint;

import java.math.BigDecimal;
import java.util.List;

/** Python's {@code format % args} for {@code !Format}, limited to {@code %s}, {@code %d} and {@code %%}. */
final class PercentFormat {
    private PercentFormat() {}

    /**
     * Returns {@code format} with each {@code %s} replaced by Python's {@code str} of the next argument
     * and each {@code %d} by the next argument as an integer.
     *
     * @throws IllegalArgumentException naming the problem: another conversion, too few or too many
     *     arguments, or {@code %d} of something that is not a number
     */
    static String format(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= format.length()) {
                throw new IllegalArgumentException("format '" + format + "' ends with a lone %");
            }
            char conversion = format.charAt(++i);
            if (conversion == '%') {
                out.append('%');
                continue;
            }
            if (conversion != 's' && conversion != 'd') {
                throw new IllegalArgumentException("conversion %" + conversion + " is not supported (only %s, %d and %%)");
            }
            if (next >= args.size()) {
                throw new IllegalArgumentException("not enough arguments for format '" + format + "'");
            }
            Object arg = args.get(next++);
            out.append(conversion == 's' ? Values.str(arg) : integer(arg));
        }
        if (next < args.size()) {
            throw new IllegalArgumentException("not all arguments converted by format '" + format + "'");
        }
        return out.toString();
    }

    private static String integer(Object arg) {
        if (arg instanceof Boolean bool) {
            return bool ? "1" : "0";
        }
        if (arg instanceof Number number) {
            return new BigDecimal(number.toString()).toBigInteger().toString();
        }
        throw new IllegalArgumentException("%d needs a number, not " + Values.typeName(arg));
    }
}
