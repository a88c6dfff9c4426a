package dev.flowstage.samples.host;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole (a 30-second run keeps at most a few hundred thousand), so
 * that percentiles are exact. Not thread-safe: each load client fills its own, and the driver merges
 * them after the clients ended.
 */
final class LatencySamples {
    private long[] values = new long[256];
    private int size;

    /** Adds one latency. */
    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Returns how many latencies were added. */
    int count() {
        return size;
    }

    /** Adds every latency of {@code other}. */
    void addAll(LatencySamples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    /** Returns the count and percentiles of the latencies added so far. */
    Latency summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Latency(size, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), size == 0 ? 0 : sorted[size - 1]);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code percent} % of the values at or below it. */
    private static long rank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /**
     * The count and nearest-rank percentiles of some latencies, in nanoseconds; all zero when the
     * count is zero. Always {@code p50 <= p90 <= p99 <= max}.
     */
    record Latency(int count, long p50, long p90, long p99, long max) {
        /** Returns {@code nanos} in milliseconds. */
        static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
