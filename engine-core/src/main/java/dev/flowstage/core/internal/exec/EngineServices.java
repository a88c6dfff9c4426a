package dev.flowstage.core.internal.exec;

import dev.flowstage.api.FlowEvent;
import dev.flowstage.spi.FlowEventListener;
import dev.flowstage.spi.TokenStore;
import dev.flowstage.spi.UserDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine-wide collaborators and settings the executor and stages use.
 *
 * @param users the user directory
 * @param clock the clock
 * @param random the random source
 * @param services host-provided services by type
 * @param events the event publisher
 * @param idleTimeout how long an execution may stay idle
 * @param allowedRedirectHosts hosts absolute redirects may point to
 * @param tokens the link token store
 */
public record EngineServices(
        UserDirectory users,
        Clock clock,
        SecureRandom random,
        Map<Class<?>, Object> services,
        Events events,
        Duration idleTimeout,
        Set<String> allowedRedirectHosts,
        TokenStore tokens) {

    /** Validates and copies the parts. */
    public EngineServices {
        services = Map.copyOf(services);
        allowedRedirectHosts = Set.copyOf(allowedRedirectHosts);
    }

    /** Publishes events to listeners, isolating the engine from listener failures. */
    public record Events(List<FlowEventListener> listeners) {
        private static final Logger LOG = LoggerFactory.getLogger(Events.class);

        /** Copies the listeners. */
        public Events {
            listeners = List.copyOf(listeners);
        }

        /** Delivers {@code event} to every listener; a failing listener is logged and skipped. */
        public void publish(FlowEvent event) {
            for (FlowEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("event listener {} failed on {}", listener.getClass().getName(), event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
