/** The user write stage ({@code builtin.user_write}, no challenge): creates or updates a user from prompt data. */
package dev.flowstage.stages.userwrite;
