package dev.flowstage.core.internal.compile;

import dev.flowstage.api.definition.StageBinding;
import dev.flowstage.policy.CompiledBinding;
import dev.flowstage.spi.Stage;
import java.util.List;

/**
 * A stage binding ready to run: the stage implementation, its validated config and its compiled
 * policy bindings.
 *
 * @param index position of the binding in the flow (its machine state is {@code stage:index})
 * @param binding the definition
 * @param stage the stage implementation
 * @param config the validated config
 * @param policies the compiled policy bindings
 */
public record CompiledStageBinding(
        int index, StageBinding binding, Stage<Object> stage, Object config, List<CompiledBinding> policies) {

    /** Returns the stage's name. */
    public String name() {
        return binding.stage().name();
    }
}
