/** The user logout stage ({@code builtin.user_logout}; no challenge). */
package dev.flowstage.stages.userlogout;
