package dev.flowstage.stages.authenticator.validate;

import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.stages.authenticator.webauthn.UserVerification;
import dev.flowstage.stages.internal.StageSupport;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of the authenticator validation stage (authentik's {@code AuthenticatorValidateStage}
 * model).
 *
 * <p>Immutable. The constructor copies the collections but does not reject bad values: Bean
 * Validation and {@link AuthenticatorValidateStage#validate} report them, all together, when a flow
 * using the stage compiles.
 *
 * @param deviceClasses the kinds of device that may be used; at least one
 * @param notConfiguredAction what happens for a user without an allowed device
 * @param configurationStages with {@link NotConfiguredAction#CONFIGURE}: the slugs of the
 *     stage_configuration flows that set up a device (authentik names stages here; an engine
 *     cannot insert stages into a running plan, so Flowstage sends the user to a flow)
 * @param lastAuthThreshold when positive, a requester already signed in as the pending user (a
 *     step-up) passes without a challenge if one of the user's allowed devices was used within this
 *     time; an anonymous sign-in is always challenged (authentik uses a per-browser cookie instead)
 * @param webauthnUserVerification whether WebAuthn assertions must carry user verification
 *     ({@link UserVerification#REQUIRED} enforces it)
 * @param webauthnOrigins the origins WebAuthn assertions may come from; empty means the origins
 *     recorded when each credential was registered
 * @param failedAttemptsBeforeCancel how many failed attempts on one device deny the execution, at least 1
 */
public record AuthenticatorValidateConfig(
        @NotNull @NotEmpty Set<@NotNull DeviceKind> deviceClasses,
        @NotNull NotConfiguredAction notConfiguredAction,
        @NotNull List<@NotNull @Pattern(regexp = StageSupport.SLUG_REGEX) String> configurationStages,
        @NotNull Duration lastAuthThreshold,
        @NotNull UserVerification webauthnUserVerification,
        @NotNull Set<@NotNull String> webauthnOrigins,
        @Min(1) int failedAttemptsBeforeCancel) {

    /** Copies the collections (null stays null, for Bean Validation to report). */
    public AuthenticatorValidateConfig {
        deviceClasses = deviceClasses == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(deviceClasses));
        configurationStages = configurationStages == null ? null
                : Collections.unmodifiableList(new ArrayList<>(configurationStages));
        webauthnOrigins = webauthnOrigins == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(webauthnOrigins));
    }

    /**
     * Returns authentik's defaults: every device class, skip when none is configured, no
     * threshold, preferred user verification, the registered origins, 5 failed attempts per device.
     */
    public static AuthenticatorValidateConfig defaults() {
        return new AuthenticatorValidateConfig(EnumSet.allOf(DeviceKind.class), NotConfiguredAction.SKIP, List.of(),
                Duration.ZERO, UserVerification.PREFERRED, Set.of(), 5);
    }

    /** Returns this config allowing only {@code kinds}. */
    public AuthenticatorValidateConfig withDeviceClasses(DeviceKind... kinds) {
        return new AuthenticatorValidateConfig(new LinkedHashSet<>(Arrays.asList(kinds)), notConfiguredAction,
                configurationStages, lastAuthThreshold, webauthnUserVerification, webauthnOrigins, failedAttemptsBeforeCancel);
    }

    /** Returns this config with {@code action} for users without a device. */
    public AuthenticatorValidateConfig withNotConfiguredAction(NotConfiguredAction action) {
        return new AuthenticatorValidateConfig(deviceClasses, action, configurationStages, lastAuthThreshold,
                webauthnUserVerification, webauthnOrigins, failedAttemptsBeforeCancel);
    }

    /** Returns this config configuring devices with the flows {@code slugs} ({@link NotConfiguredAction#CONFIGURE}). */
    public AuthenticatorValidateConfig withConfigurationStages(String... slugs) {
        return new AuthenticatorValidateConfig(deviceClasses, NotConfiguredAction.CONFIGURE, Arrays.asList(slugs),
                lastAuthThreshold, webauthnUserVerification, webauthnOrigins, failedAttemptsBeforeCancel);
    }

    /** Returns this config passing when a device was used within {@code threshold}. */
    public AuthenticatorValidateConfig withLastAuthThreshold(Duration threshold) {
        return new AuthenticatorValidateConfig(deviceClasses, notConfiguredAction, configurationStages, threshold,
                webauthnUserVerification, webauthnOrigins, failedAttemptsBeforeCancel);
    }

    /** Returns this config with WebAuthn user verification {@code value}. */
    public AuthenticatorValidateConfig withWebauthnUserVerification(UserVerification value) {
        return new AuthenticatorValidateConfig(deviceClasses, notConfiguredAction, configurationStages, lastAuthThreshold,
                value, webauthnOrigins, failedAttemptsBeforeCancel);
    }

    /** Returns this config accepting WebAuthn assertions from {@code origins} only. */
    public AuthenticatorValidateConfig withWebauthnOrigins(String... origins) {
        return new AuthenticatorValidateConfig(deviceClasses, notConfiguredAction, configurationStages, lastAuthThreshold,
                webauthnUserVerification, new LinkedHashSet<>(Arrays.asList(origins)), failedAttemptsBeforeCancel);
    }

    /** Returns this config denying after {@code attempts} failed attempts on one device. */
    public AuthenticatorValidateConfig withFailedAttemptsBeforeCancel(int attempts) {
        return new AuthenticatorValidateConfig(deviceClasses, notConfiguredAction, configurationStages, lastAuthThreshold,
                webauthnUserVerification, webauthnOrigins, attempts);
    }
}
