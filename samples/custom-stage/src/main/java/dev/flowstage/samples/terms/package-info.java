/** A sample custom stage: accepting the terms of service. */
package dev.flowstage.samples.terms;
