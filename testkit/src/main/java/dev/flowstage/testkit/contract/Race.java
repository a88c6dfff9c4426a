package dev.flowstage.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs tasks on as many threads, released together, and collects what each returned or threw. */
final class Race {
    /** A task's result: the value it returned or the exception it threw. */
    record Outcome<T>(T value, Throwable failure) {}

    private static final long GUARD_MINUTES = 2; // not a timing assertion: only stops a deadlocked store hanging the build

    private Race() {}

    /** Runs {@code threads} tasks made by {@code task} (given 0 .. threads-1) at once; returns their outcomes in order. */
    static <T> List<Outcome<T>> run(int threads, IntFunction<Callable<T>> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> callable = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return callable.call();
                }));
            }
            ready.await(GUARD_MINUTES, TimeUnit.MINUTES);
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(outcome(future));
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while racing", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> outcome(Future<T> future) throws InterruptedException {
        try {
            return new Outcome<>(future.get(GUARD_MINUTES, TimeUnit.MINUTES), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a racing store call did not return within " + GUARD_MINUTES + " minutes", e);
        }
    }

    /** Returns how many outcomes returned {@code value}. */
    static <T> long count(List<Outcome<T>> outcomes, T value) {
        return outcomes.stream().filter(outcome -> outcome.failure() == null && value.equals(outcome.value())).count();
    }

    /** Throws an AssertionError carrying the first failure, if any task threw. */
    static <T> void assertNoFailures(List<Outcome<T>> outcomes) {
        for (Outcome<T> outcome : outcomes) {
            if (outcome.failure() != null) {
                throw new AssertionError("a racing store call failed: " + outcome.failure(), outcome.failure());
            }
        }
    }
}
