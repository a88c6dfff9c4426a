package dev.flowstage.stages.invitation;

/**
 * Configuration of the invitation stage (authentik's {@code InvitationStage} model).
 *
 * @param continueFlowWithoutInvitation whether the flow goes on without an invitation when the
 *     token is missing, unknown, expired or for another flow; when false such a request is denied
 */
public record InvitationConfig(boolean continueFlowWithoutInvitation) {

    /** Returns authentik's default: an invitation is required. */
    public static InvitationConfig defaults() {
        return new InvitationConfig(false);
    }

    /** Returns this config letting the flow go on without an invitation when {@code value} is true. */
    public InvitationConfig withContinueFlowWithoutInvitation(boolean value) {
        return new InvitationConfig(value);
    }
}
