package dev.flowstage.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension giving each test a fresh {@link FlowKit}: register it as a field with
 * {@code @RegisterExtension} and use {@link #kit()} in the test, or declare a {@code FlowKit}
 * parameter. Transcripts are named after the test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * final FlowstageExtension flows = FlowstageExtension.with(kit -> kit.flow(login).user("alice", "s3cret"));
 * }</pre>
 */
public final class FlowstageExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final Consumer<FlowKit.Builder> setup;
    private FlowKit kit;

    private FlowstageExtension(Consumer<FlowKit.Builder> setup) {
        this.setup = setup;
    }

    /** Returns an extension whose kits {@code setup} configures. */
    public static FlowstageExtension with(Consumer<FlowKit.Builder> setup) {
        return new FlowstageExtension(Objects.requireNonNull(setup, "setup"));
    }

    /** Returns the current test's kit. */
    public FlowKit kit() {
        if (kit == null) {
            throw new IllegalStateException("the flow kit exists only while a test runs");
        }
        return kit;
    }

    /** Starts a scenario of flow {@code slug} on the current test's kit. */
    public Scenario start(String slug) {
        return kit().start(slug);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FlowKit.Builder builder = FlowKit.builder().transcriptName(context.getRequiredTestClass().getSimpleName());
        setup.accept(builder);
        kit = builder.build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (kit != null) {
            kit.close();
            kit = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == FlowKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return kit();
    }
}
