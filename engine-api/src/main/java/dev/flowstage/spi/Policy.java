package dev.flowstage.spi;

/**
 * A compiled policy: a predicate over a {@link PolicyRequest}. Thread-safe and stateless.
 *
 * <p>A policy reports its own errors as {@link PolicyResult.Errored}; an exception escaping
 * {@link #evaluate} is treated the same way. Either way the binding's failure result applies and
 * nothing is granted by mistake (fail closed).
 */
public interface Policy {

    /** Evaluates the policy for {@code request}. */
    PolicyResult evaluate(PolicyRequest request);

    /**
     * Returns whether evaluation is a bounded, side-effect-free computation that may run on the
     * caller's thread. Policies that may block (I/O, waits) keep the default {@code false} and run
     * on the engine's policy threads, where the binding's timeout is enforced.
     */
    default boolean runsInline() {
        return false;
    }
}
