package dev.flowstage.stages.email;

import dev.flowstage.spi.ContextUpdate;
import dev.flowstage.spi.StageContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts resends per execution in a fixed window that starts with the first resend: the count and
 * the window's start live in the context under the stage's keys.
 */
final class ResendLimit {
    private ResendLimit() {}

    /** Returns how long until a resend is allowed again, or empty when one is allowed now. */
    static Optional<Duration> wait(StageContext<EmailConfig> ctx) {
        Instant now = ctx.clock().instant();
        Optional<Instant> end = windowEnd(ctx, now);
        int count = ctx.get(EmailStage.resendCountKey(ctx.stageName())).orElse(0);
        return end.filter(e -> count >= ctx.config().resendLimit()).map(e -> Duration.between(now, e));
    }

    /** Returns the update that records one more resend now. */
    static ContextUpdate record(StageContext<EmailConfig> ctx) {
        Instant now = ctx.clock().instant();
        String stage = ctx.stageName();
        if (windowEnd(ctx, now).isEmpty()) {
            return ContextUpdate.of(EmailStage.resendCountKey(stage), 1)
                    .put(EmailStage.resendWindowKey(stage), now.toEpochMilli());
        }
        return ContextUpdate.of(EmailStage.resendCountKey(stage), ctx.get(EmailStage.resendCountKey(stage)).orElse(0) + 1);
    }

    /** Returns authentik's message for a refused resend, with the wait rounded up to whole minutes. */
    static String message(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return "Too many account verification attempts. Please try again after " + minutes + " minutes.";
    }

    private static Optional<Instant> windowEnd(StageContext<EmailConfig> ctx, Instant now) {
        return ctx.get(EmailStage.resendWindowKey(ctx.stageName()))
                .map(start -> Instant.ofEpochMilli(start).plus(ctx.config().resendWindow()))
                .filter(now::isBefore);
    }
}
