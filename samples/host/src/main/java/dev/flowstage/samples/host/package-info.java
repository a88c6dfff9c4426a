/** A minimal HTTP host serving authentik's flow-executor protocol on the JDK's HTTP server. */
package dev.flowstage.samples.host;
