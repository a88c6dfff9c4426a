/**
 * Helpers shared by the authenticator stages: device lookup and atomic consumption, code hashing,
 * WebAuthn ceremonies. Internal: no compatibility promise; do not use from outside this module.
 */
package dev.flowstage.stages.authenticator.internal;
