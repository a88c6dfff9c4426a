package dev.flowstage.stages.dummy;

/**
 * Configuration of the dummy stage.
 *
 * @param throwError whether a response makes the stage throw, to test how the engine fails closed
 */
public record DummyConfig(boolean throwError) {

    /** Returns the default: accept any response. */
    public static DummyConfig defaults() {
        return new DummyConfig(false);
    }

    /** Returns this config with throw-error set to {@code value}. */
    public DummyConfig withThrowError(boolean value) {
        return new DummyConfig(value);
    }
}
