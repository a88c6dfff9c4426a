package dev.flowstage.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for exploring flows: responses built from candidate values per field, and
 * sequences of them. Candidates should mix right answers, wrong ones and junk so that every path of
 * a flow is reached.
 */
public final class FlowArbitraries {
    private FlowArbitraries() {}

    /**
     * Returns responses in which each field of {@code candidates} is either absent or one of its
     * candidate values.
     */
    public static Arbitrary<Map<String, Object>> responses(Map<String, List<Object>> candidates) {
        List<Arbitrary<Map.Entry<String, Object>>> fields = new ArrayList<>();
        candidates.forEach((field, values) -> fields.add(
                Arbitraries.of(values).injectNull(0.2).map(value -> new java.util.AbstractMap.SimpleEntry<>(field, value))));
        return Combinators.combine(fields).as(entries -> {
            Map<String, Object> response = new LinkedHashMap<>();
            entries.forEach(entry -> {
                if (entry.getValue() != null) {
                    response.put(entry.getKey(), entry.getValue());
                }
            });
            return response;
        });
    }

    /** Returns sequences of 1 to {@code maxLength} responses. */
    public static Arbitrary<List<Map<String, Object>>> responseSequences(Map<String, List<Object>> candidates, int maxLength) {
        return responses(candidates).list().ofMinSize(1).ofMaxSize(maxLength);
    }

    /** Returns junk values of every JSON shape, for fields that should reject them. */
    public static List<Object> junk() {
        return List.of("", " ", "x".repeat(300), 0, -1, true, List.of(), Map.of(), List.of("a"), "\u0000", "' OR 1=1 --");
    }
}
