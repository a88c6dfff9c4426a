package dev.flowstage.core.internal.blueprint;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** authentik's duration strings ({@code hours=8}, {@code days=1;hours=2}), as Python's timedelta takes them. */
final class Durations {
    private static final Map<String, Duration> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("weeks", Duration.ofDays(7));
        UNITS.put("days", Duration.ofDays(1));
        UNITS.put("hours", Duration.ofHours(1));
        UNITS.put("minutes", Duration.ofMinutes(1));
        UNITS.put("seconds", Duration.ofSeconds(1));
        UNITS.put("milliseconds", Duration.ofMillis(1));
        UNITS.put("microseconds", Duration.ofNanos(1000));
    }

    private Durations() {}

    /**
     * Returns the duration {@code text} describes.
     *
     * @throws IllegalArgumentException naming the part that is not {@code unit=number}
     */
    static Duration parse(String text) {
        Duration total = Duration.ZERO;
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            Duration unit = pair.length == 2 ? UNITS.get(pair[0].trim().toLowerCase(Locale.ROOT)) : null;
            if (unit == null) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not unit=number with a unit of " + UNITS.keySet());
            }
            try {
                BigDecimal nanos = new BigDecimal(pair[1].trim()).multiply(BigDecimal.valueOf(unit.toNanos()));
                total = total.plusNanos(nanos.longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' does not have a whole number of nanoseconds");
            }
        }
        if (total.isNegative()) {
            throw new IllegalArgumentException("duration '" + text + "' is negative");
        }
        return total;
    }

    /** Returns {@code duration} in the form {@link #parse} reads: {@code seconds=0}, {@code hours=8}, {@code days=1;hours=2}. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "seconds=0";
        }
        List<String> parts = new ArrayList<>();
        Duration rest = duration;
        for (String unit : List.of("days", "hours", "minutes", "seconds", "microseconds")) {
            long count = rest.dividedBy(UNITS.get(unit));
            if (count > 0) {
                parts.add(unit + "=" + count);
                rest = rest.minus(UNITS.get(unit).multipliedBy(count));
            }
        }
        return String.join(";", parts);
    }
}
