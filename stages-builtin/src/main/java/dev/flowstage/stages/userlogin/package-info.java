/** The user login stage ({@code builtin.user_login}, {@code ak-stage-user-login} when remember-me is offered). */
package dev.flowstage.stages.userlogin;
