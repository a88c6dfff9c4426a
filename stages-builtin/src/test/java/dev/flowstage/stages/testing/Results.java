package dev.flowstage.stages.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ResponseErrors;
import dev.flowstage.spi.StageResult;

/** Assertions on stage results. */
public final class Results {
    private Results() {}

    /** Asserts {@code result} proceeds. */
    public static StageResult.Proceed proceeded(StageResult result) {
        assertThat(result).isInstanceOf(StageResult.Proceed.class);
        return (StageResult.Proceed) result;
    }

    /** Asserts {@code result} shows the challenge. */
    public static StageResult.Show shown(StageResult result) {
        assertThat(result).isInstanceOf(StageResult.Show.class);
        return (StageResult.Show) result;
    }

    /** Asserts {@code result} is invalid with exactly {@code errors}. */
    public static StageResult.Invalid rejectedWith(StageResult result, ResponseErrors errors) {
        assertThat(result).isInstanceOf(StageResult.Invalid.class);
        StageResult.Invalid invalid = (StageResult.Invalid) result;
        assertThat(invalid.errors()).isEqualTo(errors);
        return invalid;
    }

    /** Asserts {@code result} denies with {@code message}. */
    public static StageResult.Deny deniedWith(StageResult result, String message) {
        assertThat(result).isInstanceOf(StageResult.Deny.class);
        StageResult.Deny deny = (StageResult.Deny) result;
        assertThat(deny.message()).isEqualTo(message);
        return deny;
    }
}
