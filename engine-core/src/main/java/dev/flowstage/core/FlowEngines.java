package dev.flowstage.core;

/** Entry point for building a {@link dev.flowstage.api.FlowEngine}. */
public final class FlowEngines {
    private FlowEngines() {}

    /** Returns a new builder with in-memory stores, the system clock and a strong random source. */
    public static FlowEngineBuilder builder() {
        return new FlowEngineBuilder();
    }
}
