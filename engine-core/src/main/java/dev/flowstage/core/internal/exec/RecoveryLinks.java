package dev.flowstage.core.internal.exec;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKey;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.TokenException;
import dev.flowstage.api.User;
import dev.flowstage.core.internal.compile.CompiledFlow;
import dev.flowstage.core.internal.machine.MachineStates;
import dev.flowstage.spi.StoredToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recovery keys: link tokens without an execution (purpose {@value #PURPOSE}) that start the flow
 * they name for the user they were issued for. Opening the link creates an execution held before
 * its first stage, showing a confirmation; only the confirming POST consumes the token and starts
 * the flow with {@code pending_user} set, {@code recovery_key} true and {@code auth_method}
 * {@code recovery_key}. So a mail scanner's GET
 * changes nothing but an unstarted execution.
 */
final class RecoveryLinks {
    /** The purpose of recovery-key tokens. */
    static final String PURPOSE = "recovery";
    /** Context key marking an execution that waits for its recovery key to be confirmed: the token's hash. */
    static final ContextKey<String> PENDING_TOKEN = ContextKey.of("recovery_token", String.class);
    /** Context key set to true once a recovery key started the execution. */
    static final ContextKey<Boolean> RECOVERY_KEY = ContextKey.of("recovery_key", Boolean.class);
    private static final String HEADER = "Continue to recover your account.";

    private final EngineServices services;
    private final Renderer renderer;

    RecoveryLinks(EngineServices services, Renderer renderer) {
        this.services = services;
        this.renderer = renderer;
    }

    /** Returns whether {@code execution} waits for a recovery key's confirmation. */
    static boolean waiting(Execution execution) {
        return execution.state().equals(MachineStates.START) && execution.context().contains(PENDING_TOKEN);
    }

    /**
     * Returns a fresh execution of {@code flow} for the token's user, held before its first stage.
     *
     * @throws TokenException FOREIGN when the token is not a recovery key, UNKNOWN when its user does not exist
     */
    Execution open(StoredToken token, CompiledFlow flow, RequestInfo request) {
        if (!PURPOSE.equals(token.purpose())) {
            throw new TokenException(TokenException.Reason.FOREIGN);
        }
        User user = user(token).orElseThrow(() -> new TokenException(TokenException.Reason.UNKNOWN));
        FlowContext context = FlowContext.empty().with(ContextKeys.PENDING_USER, PendingUser.of(user))
                .with(PENDING_TOKEN, token.hash());
        return new Execution(ExecutionCodec.newId(services.random()), 0, flow.slug(), flow.version(), MachineStates.START,
                List.of(), context, request, services.clock().instant(), "", Instant.EPOCH);
    }

    private Optional<User> user(StoredToken token) {
        if (!token.userId().isEmpty()) {
            return services.users().findById(token.userId());
        }
        Object username = token.data().get("username");
        return username instanceof String name ? services.users().findByUsername(name) : Optional.empty();
    }

    /** Returns the confirmation challenge of a waiting execution; {@code rawToken} is empty when re-rendered. */
    FlowResult confirmation(CompiledFlow flow, Execution execution, String rawToken, ResponseErrors errors) {
        return new FlowResult.Pending(execution.id(),
                renderer.confirmation(flow.definition(), execution, HEADER, rawToken).withErrors(errors));
    }

    /**
     * Consumes the token the confirming POST carries; returns the execution to start, or empty with
     * the reason when the token does not match or was used meanwhile.
     */
    Confirmed confirm(Execution execution, ChallengeResponse response) {
        String raw = response.string("token").orElse("");
        String hash = execution.context().get(PENDING_TOKEN).orElseThrow();
        if (raw.isEmpty() || raw.length() > 128 || !TokenHashes.hash(raw).equals(hash)) {
            return new Confirmed(null, ResponseErrors.of("token",
                    new ErrorDetail(TokenException.Reason.UNKNOWN.message(), "invalid")));
        }
        StoredToken token = services.tokens().find(hash).orElse(null);
        if (token == null || !services.clock().instant().isBefore(token.expiresAt())
                || !services.tokens().consume(hash, services.clock().instant())) {
            TokenException.Reason reason = token == null ? TokenException.Reason.UNKNOWN
                    : token.used() ? TokenException.Reason.USED : TokenException.Reason.EXPIRED;
            return new Confirmed(null, ResponseErrors.of("token", new ErrorDetail(reason.message(), "invalid")));
        }
        FlowContext context = execution.context().without(PENDING_TOKEN).with(RECOVERY_KEY, true)
                .with(ContextKeys.AUTH_METHOD, PURPOSE + "_key");
        return new Confirmed(execution.withContext(context), ResponseErrors.none());
    }

    /** The result of a confirming POST: the execution to start, or the errors to show. */
    record Confirmed(Execution execution, ResponseErrors errors) {}
}
