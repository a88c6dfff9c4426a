package dev.flowstage.policy;

import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one policy and always returns a result: inline policies on the caller's thread, others on
 * the executor with the binding's timeout enforced. Exceptions, timeouts and rejections become
 * {@link PolicyResult.Errored}, whose messages name the policy and the kind of failure only.
 */
final class PolicyRunner {
    private final ExecutorService executor;

    PolicyRunner(ExecutorService executor) {
        this.executor = executor;
    }

    /** Returns the result of {@code policy} named {@code name} for {@code request}. */
    PolicyResult run(String name, Policy policy, PolicyRequest request, Duration timeout) {
        if (policy.runsInline()) {
            return inline(name, policy, request);
        }
        Future<PolicyResult> future;
        try {
            future = executor.submit(() -> policy.evaluate(request));
        } catch (RejectedExecutionException e) {
            return PolicyResult.errored("policy '" + name + "' could not run: the policy executor rejected it");
        }
        return await(name, future, timeout);
    }

    private static PolicyResult inline(String name, Policy policy, PolicyRequest request) {
        try {
            return checked(name, policy.evaluate(request));
        } catch (RuntimeException e) {
            return threw(name, e);
        }
    }

    private static PolicyResult await(String name, Future<PolicyResult> future, Duration timeout) {
        try {
            return checked(name, future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return PolicyResult.errored("policy '" + name + "' timed out after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return threw(name, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return PolicyResult.errored("policy '" + name + "' was abandoned: the waiting thread was interrupted");
        } catch (RuntimeException e) { // CancellationException, or a broken executor
            return threw(name, e);
        }
    }

    private static PolicyResult checked(String name, PolicyResult result) {
        return result != null ? result : PolicyResult.errored("policy '" + name + "' returned no result");
    }

    private static PolicyResult threw(String name, Throwable failure) {
        String kind = failure == null ? "an unknown failure" : failure.getClass().getSimpleName();
        return PolicyResult.errored("policy '" + name + "' threw " + kind);
    }
}
