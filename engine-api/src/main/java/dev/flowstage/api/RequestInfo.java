package dev.flowstage.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows about the request that starts or continues an execution.
 *
 * @param clientIp the client's address as the host determined it, or empty string when unknown
 * @param userAgent the client's user agent, or empty string
 * @param host the host name the request was sent to (selects a brand), or empty string
 * @param query the flow's query parameters (authentik's {@code query=}): {@code next}, {@code itoken}, ...
 * @param authenticatedUserId the id of the user already signed in to the host, or null when anonymous
 */
public record RequestInfo(String clientIp, String userAgent, String host, Map<String, String> query, String authenticatedUserId) {

    private static final RequestInfo ANONYMOUS = new RequestInfo("", "", "", Map.of(), null);

    /** Validates and copies the parts. */
    public RequestInfo {
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(host, "host");
        query = Map.copyOf(Objects.requireNonNull(query, "query"));
    }

    /** Returns a request from an anonymous client about which nothing is known. */
    public static RequestInfo anonymous() {
        return ANONYMOUS;
    }

    /** Returns this request as made by the signed-in user {@code userId}. */
    public RequestInfo withAuthenticatedUser(String userId) {
        return new RequestInfo(clientIp, userAgent, host, query, Objects.requireNonNull(userId, "userId"));
    }

    /** Returns this request with the flow query parameters {@code query}. */
    public RequestInfo withQuery(Map<String, String> query) {
        return new RequestInfo(clientIp, userAgent, host, query, authenticatedUserId);
    }

    /** Returns this request from client address {@code ip}. */
    public RequestInfo withClientIp(String ip) {
        return new RequestInfo(ip, userAgent, host, query, authenticatedUserId);
    }

    /** Returns the signed-in user's id, if any. */
    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUserId);
    }
}
