package dev.flowstage.spi;

import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy evaluates: the user the execution is about (the pending user, else the signed-in
 * requester), the request, and the execution's context.
 *
 * @param user the user, or null when anonymous or when the pending user does not exist
 * @param request the request
 * @param context the execution's context (prompt validation adds {@code prompt_data})
 */
public record PolicyRequest(User user, RequestInfo request, FlowContext context) {
    /** Validates the parts. */
    public PolicyRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
    }

    /** Returns the user, if any. */
    public Optional<User> optionalUser() {
        return Optional.ofNullable(user);
    }
}
