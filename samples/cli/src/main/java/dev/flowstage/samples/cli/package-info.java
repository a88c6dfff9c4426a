/**
 * The {@code flowstage} command line: {@code blueprint validate|apply|diff|export} against a
 * configuration store directory, and {@code recovery-key create}. See docs/blueprints.md.
 */
package dev.flowstage.samples.cli;
