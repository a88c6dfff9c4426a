package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.samples.host.LatencySamples.Latency;
import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void summary_oneToThousandShuffled_givesNearestRankPercentiles() {
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < 1000; i++) {
            samples.add((i * 389L) % 1000 + 1);
        }

        assertThat(samples.summary()).isEqualTo(new Latency(1000, 500, 900, 990, 1000));
    }

    @Test
    void summary_oneValue_isEveryPercentile() {
        LatencySamples samples = new LatencySamples();
        samples.add(7);

        assertThat(samples.summary()).isEqualTo(new Latency(1, 7, 7, 7, 7));
    }

    @Test
    void summary_none_isAllZero() {
        assertThat(new LatencySamples().summary()).isEqualTo(new Latency(0, 0, 0, 0, 0));
    }

    @Test
    void addAll_mergesAnotherClientsSamples() {
        LatencySamples first = new LatencySamples();
        LatencySamples second = new LatencySamples();
        for (int i = 1; i <= 300; i++) {
            (i % 2 == 0 ? first : second).add(i);
        }

        first.addAll(second);

        assertThat(first.summary()).isEqualTo(new Latency(300, 150, 270, 297, 300));
    }
}
