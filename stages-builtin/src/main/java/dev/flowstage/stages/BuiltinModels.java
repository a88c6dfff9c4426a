package dev.flowstage.stages;

import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.stages.authenticator.MfaModels;
import dev.flowstage.stages.consent.ConsentModel;
import dev.flowstage.stages.deny.DenyModel;
import dev.flowstage.stages.dummy.DummyModel;
import dev.flowstage.stages.email.EmailModel;
import dev.flowstage.stages.identification.IdentificationModel;
import dev.flowstage.stages.invitation.InvitationModel;
import dev.flowstage.stages.invitation.InvitationStageModel;
import dev.flowstage.stages.password.PasswordModel;
import dev.flowstage.stages.prompt.PromptModels;
import dev.flowstage.stages.redirect.RedirectModel;
import dev.flowstage.stages.userlogin.UserLoginModel;
import dev.flowstage.stages.userlogout.UserLogoutModel;
import dev.flowstage.stages.userwrite.UserWriteModel;
import java.util.List;
import java.util.stream.Stream;

/**
 * The blueprint models of the built-in stages, under authentik's model names, and the default
 * blueprints that ship with them (MVEL equivalents of authentik's default flows).
 *
 * <pre>{@code
 * Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all()).engine(engine).build();
 * }</pre>
 */
public final class BuiltinModels {
    /** The classpath folder of the default blueprints. */
    public static final String DEFAULT_BLUEPRINT_FOLDER = "blueprints/default/";

    private static final List<BlueprintModel<?>> ALL = Stream.concat(Stream.of(
            new IdentificationModel(),
            new PasswordModel(),
            new UserLoginModel(),
            UserLogoutModel.MODEL,
            DenyModel.MODEL,
            DummyModel.MODEL,
            new RedirectModel(),
            new UserWriteModel(),
            InvitationStageModel.MODEL,
            new InvitationModel(),
            new EmailModel(),
            PromptModels.prompt(),
            PromptModels.stage(),
            new ConsentModel()), MfaModels.all().stream()).toList();

    private static final List<String> DEFAULT_BLUEPRINTS = List.of(
            DEFAULT_BLUEPRINT_FOLDER + "flow-password-change.yaml",
            DEFAULT_BLUEPRINT_FOLDER + "flow-default-authentication-flow.yaml",
            DEFAULT_BLUEPRINT_FOLDER + "flow-default-invalidation-flow.yaml",
            DEFAULT_BLUEPRINT_FOLDER + "flow-default-enrollment-flow.yaml",
            DEFAULT_BLUEPRINT_FOLDER + "flow-default-recovery-flow.yaml",
            DEFAULT_BLUEPRINT_FOLDER + "default-brand.yaml");

    private BuiltinModels() {}

    /** Returns one instance of every built-in stage model; they are stateless and may be shared. */
    public static List<BlueprintModel<?>> all() {
        return ALL;
    }

    /**
     * Returns the classpath resource names of the default blueprints (under
     * {@value #DEFAULT_BLUEPRINT_FOLDER}), in an order in which they apply.
     */
    public static List<String> defaultBlueprints() {
        return DEFAULT_BLUEPRINTS;
    }
}
