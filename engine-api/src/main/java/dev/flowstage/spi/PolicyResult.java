package dev.flowstage.spi;

import java.util.List;
import java.util.Objects;

/** The result of one policy: passed, failed, or errored. Consume with an {@code instanceof} chain. */
public sealed interface PolicyResult permits PolicyResult.Pass, PolicyResult.Fail, PolicyResult.Errored {

    /** Returns the messages to surface (may be empty). */
    List<String> messages();

    /** Returns a pass with {@code messages}. */
    static PolicyResult pass(String... messages) {
        return new Pass(List.of(messages));
    }

    /** Returns a failure with {@code messages}. */
    static PolicyResult fail(String... messages) {
        return new Fail(List.of(messages));
    }

    /** Returns an error described by {@code message}; the binding's failure result applies. */
    static PolicyResult errored(String message) {
        return new Errored(message);
    }

    /** Returns a pass or a failure depending on {@code passing}. */
    static PolicyResult of(boolean passing, List<String> messages) {
        return passing ? new Pass(messages) : new Fail(messages);
    }

    /** The policy passed. */
    record Pass(List<String> messages) implements PolicyResult {
        /** Copies the messages. */
        public Pass {
            messages = List.copyOf(messages);
        }
    }

    /** The policy failed. */
    record Fail(List<String> messages) implements PolicyResult {
        /** Copies the messages. */
        public Fail {
            messages = List.copyOf(messages);
        }
    }

    /** The policy could not decide; {@code message} says why, without secrets. */
    record Errored(String message) implements PolicyResult {
        /** Validates the message. */
        public Errored {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public List<String> messages() {
            return List.of(message);
        }
    }
}
