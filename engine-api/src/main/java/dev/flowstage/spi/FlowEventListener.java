package dev.flowstage.spi;

import dev.flowstage.api.FlowEvent;

/**
 * Receives the engine's events (audit, metrics). Called synchronously on the thread handling the
 * request, so implementations should be quick and thread-safe; an exception thrown here is logged
 * and otherwise ignored.
 */
@FunctionalInterface
public interface FlowEventListener {

    /** Handles {@code event}. */
    void onEvent(FlowEvent event);
}
