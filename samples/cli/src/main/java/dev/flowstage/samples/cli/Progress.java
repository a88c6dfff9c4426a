package dev.flowstage.samples.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Shows an apply's progress (entries, then flows checked) as a progress bar on standard error. */
final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private ProgressBar bar;
    private String phase;

    private Progress(PrintWriter err) {
        this.err = err;
    }

    static Progress to(PrintWriter err) {
        return new Progress(err);
    }

    static Progress none() {
        return new Progress(null);
    }

    /** Called by the importer after each step of {@code phase}. */
    synchronized void step(String newPhase, int done, int total) {
        if (err == null) {
            return;
        }
        if (bar == null || !newPhase.equals(phase)) {
            close();
            phase = newPhase;
            bar = new ProgressBarBuilder().setTaskName(newPhase).setInitialMax(total).setUpdateIntervalMillis(100)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        err.print("\r" + line);
                        err.flush();
                    }, 80)).build();
        }
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            err.println();
            bar = null;
        }
    }
}
