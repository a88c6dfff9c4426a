package dev.flowstage.spi.blueprint;

import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.StageDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the attributes of one blueprint entry for a {@link BlueprintModel}.
 *
 * <p>Each method marks its key as known. A value of the wrong type or an invalid value is recorded
 * as a problem naming the key, and the method returns its default so that the model can carry on
 * and more problems are found in one pass; the entry is then rejected as a whole. Attributes no
 * method asked for are reported as unknown when {@link BlueprintModel#fromAttributes} returns.
 * Values have already been resolved: YAML tags such as {@code !KeyOf} and {@code !Env} are gone.
 * Not thread-safe; one instance reads one entry.
 */
public interface ModelAttributes {

    /** Returns whether {@code key} is present (even with a null value), and marks it as known. */
    boolean has(String key);

    /** Returns the string at {@code key}, or {@code defaultValue} (may be null) when absent or null. */
    String string(String key, String defaultValue);

    /** Returns the string at {@code key}; records a problem and returns empty string when it is absent or null. */
    String requiredString(String key);

    /** Returns the boolean at {@code key}, or {@code defaultValue} when absent or null. */
    boolean bool(String key, boolean defaultValue);

    /** Returns the integer at {@code key}, or {@code defaultValue} when absent or null. */
    int integer(String key, int defaultValue);

    /**
     * Returns the duration at {@code key}, written as authentik writes them ({@code hours=8},
     * {@code days=1;hours=2}, units {@code weeks days hours minutes seconds milliseconds
     * microseconds}), or {@code defaultValue} when absent or null.
     */
    Duration duration(String key, Duration defaultValue);

    /**
     * Returns the string at {@code key} converted by {@code parser} (typically an enum's
     * {@code fromWireName}), or {@code defaultValue} when absent or null. An
     * {@link IllegalArgumentException} from the parser becomes a problem with its message.
     */
    <T> T choice(String key, Function<String, T> parser, T defaultValue);

    /** Returns the list of strings at {@code key}, or {@code defaultValue} when absent or null. */
    List<String> strings(String key, List<String> defaultValue);

    /** Returns the map at {@code key} (JSON-like values), or {@code defaultValue} when absent or null. */
    Map<String, Object> map(String key, Map<String, Object> defaultValue);

    /** Returns the raw JSON-like value at {@code key}, or null. */
    Object value(String key);

    /**
     * Returns the slug of the flow {@code key} refers to ({@code !KeyOf} or {@code !Find} of an
     * {@code authentik_flows.flow}, or a plain slug), or null when absent or null.
     */
    String flow(String key);

    /** Returns the slugs of the flows the list at {@code key} refers to, in order; empty when absent or null. */
    List<String> flows(String key);

    /**
     * Returns the name of the group {@code key} refers to ({@code !KeyOf} or {@code !Find} of an
     * {@code authentik_core.group}, or a plain group name), or null when absent or null.
     */
    String group(String key);

    /** Returns the policy {@code key} refers to, or null when absent or null. */
    PolicyDefinition policy(String key);

    /** Returns the policies the list at {@code key} refers to, in order; empty when absent or null. */
    List<PolicyDefinition> policies(String key);

    /** Returns the stage {@code key} refers to, or null when absent or null. */
    StageDefinition stage(String key);

    /**
     * Returns the config of the object of model {@code model} that {@code key} refers to, or null
     * when absent or null. The object must be of that model and its config of {@code type}.
     */
    <T> T object(String key, String model, Class<T> type);

    /** Returns the configs of the objects the list at {@code key} refers to, in order; empty when absent or null. */
    <T> List<T> objects(String key, String model, Class<T> type);

    /**
     * Marks {@code keys} as known attributes of authentik that this model accepts and ignores (for
     * example the password stage's {@code backends}); their values are not checked.
     */
    void ignore(String... keys);

    /**
     * Marks {@code key} as an authentik attribute that is not supported: a problem naming {@code reason}
     * when it is present with a value other than null, false, empty string, empty list or empty map.
     */
    void unsupported(String key, String reason);

    /** Records a problem of the attribute {@code key}; the entry is rejected. */
    void problem(String key, String message);
}
