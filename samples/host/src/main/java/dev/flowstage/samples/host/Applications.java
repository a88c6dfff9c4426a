package dev.flowstage.samples.host;

import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.policy.BuiltinPolicyTypes;
import dev.flowstage.policy.CompiledBinding;
import dev.flowstage.policy.PolicyDecision;
import dev.flowstage.policy.PolicyEngine;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's applications and who may open them, decided by the policies module's
 * {@link PolicyEngine} over each application's bindings, compiled once: no bindings pass,
 * {@code ANY}/{@code ALL} combine, and a policy that errors or times out denies (fail closed).
 * Thread-safe; {@link #close()} stops the policy threads.
 */
final class Applications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Applications.class);

    private record Compiled(Application application, List<CompiledBinding> bindings) {}

    private final Map<String, Compiled> bySlug = new LinkedHashMap<>();
    private final ExecutorService policyThreads;
    private final PolicyEngine policies;

    /**
     * Compiles the bindings of {@code applications} with the built-in policy types.
     *
     * @throws IllegalArgumentException when two applications share a slug or a policy does not compile
     */
    Applications(List<Application> applications) {
        Map<String, PolicyType<?>> types = new LinkedHashMap<>();
        BuiltinPolicyTypes.all().forEach(type -> types.put(type.typeId(), type));
        for (Application application : applications) {
            List<CompiledBinding> compiled = application.bindings().stream()
                    .map(binding -> CompiledBinding.compile(binding, types)).toList();
            if (bySlug.putIfAbsent(application.slug(), new Compiled(application, compiled)) != null) {
                throw new IllegalArgumentException("application slug '" + application.slug() + "' is used twice");
            }
        }
        this.policyThreads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "flowstage-application-policy");
            thread.setDaemon(true);
            return thread;
        });
        this.policies = new PolicyEngine(policyThreads,
                error -> LOG.warn("application policy '{}' errored: {}", error.policyName(), error.message()));
    }

    /** Returns the application with {@code slug}, if any. */
    Optional<Application> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug)).map(Compiled::application);
    }

    /** Returns whether {@code user} may open {@code application} when asking with {@code request}. */
    boolean canOpen(Application application, User user, RequestInfo request) {
        Compiled compiled = bySlug.get(application.slug());
        if (compiled == null) {
            return false;
        }
        PolicyDecision decision = policies.evaluate(compiled.bindings(), application.mode(),
                new PolicyRequest(user, request, FlowContext.empty()));
        return decision.passing();
    }

    /** Returns the applications {@code user} may open, in configuration order. */
    List<Application> openableBy(User user, RequestInfo request) {
        return bySlug.values().stream().map(Compiled::application)
                .filter(application -> canOpen(application, user, request)).toList();
    }

    /** Returns every application. */
    List<Application> all() {
        return bySlug.values().stream().map(Compiled::application).toList();
    }

    @Override
    public void close() {
        policyThreads.shutdownNow();
    }
}
