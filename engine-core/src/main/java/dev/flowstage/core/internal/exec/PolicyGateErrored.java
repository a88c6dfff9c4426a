package dev.flowstage.core.internal.exec;

/** Signals that a stage binding's policies errored without passing: the execution is denied, not the stage skipped. */
final class PolicyGateErrored extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PolicyGateErrored(String binding) {
        super("policies of stage binding '" + binding + "' errored", null, false, false);
    }
}
