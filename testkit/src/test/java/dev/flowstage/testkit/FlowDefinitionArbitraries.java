package dev.flowstage.testkit;

import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.DeniedAction;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.FlowLayout;
import dev.flowstage.api.definition.InvalidResponseAction;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.api.definition.StageBinding;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.consent.ConsentConfig;
import dev.flowstage.stages.consent.ConsentMode;
import dev.flowstage.stages.consent.ConsentStage;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailConfig;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailStage;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpConfig;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpStage;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.NotConfiguredAction;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnConfig;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnStage;
import dev.flowstage.stages.authenticator.webauthn.ResidentKey;
import dev.flowstage.stages.authenticator.webauthn.UserVerification;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.email.EmailConfig;
import dev.flowstage.stages.email.EmailTemplate;
import dev.flowstage.stages.email.SmtpSettings;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.invitation.InvitationConfig;
import dev.flowstage.policy.PasswordPolicyConfig;
import dev.flowstage.policy.PasswordPolicyType;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.prompt.PromptChoice;
import dev.flowstage.stages.prompt.PromptConfig;
import dev.flowstage.stages.prompt.PromptField;
import dev.flowstage.stages.prompt.PromptFieldType;
import dev.flowstage.stages.redirect.RedirectConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userwrite.UserCreationMode;
import dev.flowstage.stages.userwrite.UserType;
import dev.flowstage.stages.userwrite.UserWriteConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generates valid flow definitions made of the built-in stages with random configs, policies and bindings. */
final class FlowDefinitionArbitraries {
    private static final List<String> EXPRESSIONS = List.of("true", "user != null", "isGroupMember(user, 'admins')",
            "context.auth_method == null", "request.query.next != null && prompt_data.email.endsWith('@example.com')");

    private FlowDefinitionArbitraries() {}

    static Arbitrary<FlowDefinition> flows() {
        Arbitrary<String> slug = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_").ofMinLength(1).ofMaxLength(24);
        Arbitrary<List<StageDefinition>> stages = stage().list().ofMinSize(0).ofMaxSize(6);
        return Combinators.combine(slug, text(), text(), Arbitraries.of(Designation.class),
                        Arbitraries.of(AuthenticationRequirement.class), Arbitraries.of(DeniedAction.class),
                        Arbitraries.of(PolicyEngineMode.class), Arbitraries.of(FlowLayout.class))
                .flatAs((s, name, title, designation, auth, denied, mode, layout) -> Combinators.combine(stages,
                        policyBindings("flow-" + s), bindingSettings().list().ofSize(6), text())
                        .as((stageList, policies, settings, background) -> {
                            FlowDefinition.Builder builder = FlowDefinition.builder(s).name(name).title(title)
                                    .designation(designation).authentication(auth).deniedAction(denied)
                                    .policyEngineMode(mode).layout(layout).background(background);
                            policies.forEach(builder::policy);
                            for (int i = 0; i < stageList.size(); i++) {
                                StageDefinition stage = rename(stageList.get(i), s + "-stage-" + i);
                                builder.binding(settings.get(i).bind(i * 10 + 5, stage));
                            }
                            return builder.build();
                        }));
    }

    /** Renames the stage, and the prompt fields and validation policies of a prompt stage after it. */
    private static StageDefinition rename(StageDefinition stage, String name) {
        if (stage.config() instanceof PromptConfig prompt) {
            List<PromptField> fields = new ArrayList<>();
            for (int i = 0; i < prompt.fields().size(); i++) {
                PromptField f = prompt.fields().get(i);
                fields.add(new PromptField(name + "-field-" + i, f.fieldKey() + i, f.label(), f.type(), f.required(),
                        f.placeholder(), f.initialValue(), f.placeholderExpression(), f.initialValueExpression(), f.order(),
                        f.subText(), f.choices()));
            }
            List<PolicyDefinition> policies = new ArrayList<>();
            for (int i = 0; i < prompt.validationPolicies().size(); i++) {
                PolicyDefinition policy = prompt.validationPolicies().get(i);
                policies.add(PolicyDefinition.of(name + "-validation-" + i, policy.type(), policy.config()));
            }
            return StageDefinition.of(name, stage.type(), new PromptConfig(fields, policies));
        }
        return StageDefinition.of(name, stage.type(), stage.config());
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ß', '漢', '\n', '\t').ofMaxLength(30);
    }

    private static Arbitrary<String> slugOrNull() {
        return Arbitraries.strings().withChars("abcdefghij-_0123456789").ofMinLength(1).ofMaxLength(12).injectNull(0.4);
    }

    /** Settings of one stage binding; applied to a stage at an order. */
    record Settings(boolean evaluateOnPlan, boolean reEvaluate, InvalidResponseAction action, PolicyEngineMode mode,
            List<PolicyBinding> policies) {
        StageBinding bind(int order, StageDefinition stage) {
            return new StageBinding(order, stage, evaluateOnPlan, reEvaluate || !evaluateOnPlan, action, mode,
                    policies.stream().map(policy -> rename(policy, stage.name())).toList());
        }

        private static PolicyBinding rename(PolicyBinding binding, String prefix) {
            if (binding.target() instanceof PolicyBinding.PolicyTarget target) {
                PolicyDefinition policy = target.policy();
                PolicyDefinition named = PolicyDefinition.of(prefix + "-" + policy.name(), policy.type(), policy.config());
                return new PolicyBinding(new PolicyBinding.PolicyTarget(named), binding.order(), binding.enabled(),
                        binding.negate(), binding.timeout(), binding.failureResult());
            }
            return binding;
        }
    }

    private static Arbitrary<Settings> bindingSettings() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(InvalidResponseAction.class), Arbitraries.of(PolicyEngineMode.class), policyBindings("binding"))
                .as(Settings::new);
    }

    /** Returns 0 to 3 policy bindings in ascending order, their policies named after {@code prefix}. */
    private static Arbitrary<List<PolicyBinding>> policyBindings(String prefix) {
        return policyBinding().list().ofMaxSize(3).map(bindings -> {
            List<PolicyBinding> ordered = new ArrayList<>();
            for (int i = 0; i < bindings.size(); i++) {
                PolicyBinding binding = bindings.get(i).withOrder(i * 10);
                if (binding.target() instanceof PolicyBinding.PolicyTarget target) {
                    PolicyDefinition policy = target.policy();
                    binding = new PolicyBinding(new PolicyBinding.PolicyTarget(PolicyDefinition.of(prefix + "-p" + i,
                            policy.type(), policy.config())), binding.order(), binding.enabled(), binding.negate(),
                            binding.timeout(), binding.failureResult());
                }
                ordered.add(binding);
            }
            return ordered;
        });
    }

    private static Arbitrary<PolicyBinding> policyBinding() {
        Arbitrary<PolicyBinding> target = Arbitraries.oneOf(
                Arbitraries.of(EXPRESSIONS).map(e -> PolicyBinding.policy(PolicyDefinition.expression("p", e))),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 3))
                        .as((result, delay) -> PolicyBinding.policy(new PolicyDefinition("p", PolicyDefinition.DUMMY,
                                new PolicyDefinition.DummyConfig(result, Duration.ofSeconds(delay))))),
                Arbitraries.of("admins", "staff", "people with spaces").map(PolicyBinding::group),
                Arbitraries.of("alice", "bob").map(PolicyBinding::user));
        return Combinators.combine(target, Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 120), Arbitraries.of(true, false))
                .as((binding, enabled, negate, timeout, failure) -> {
                    PolicyBinding result = binding.withEnabled(enabled).withTimeout(Duration.ofSeconds(timeout))
                            .withFailureResult(failure);
                    return negate ? result.negated() : result;
                });
    }

    static Arbitrary<StageDefinition> stage() {
        return Arbitraries.oneOf(identification(), password(), userLogin(),
                Arbitraries.just(BuiltinStages.userLogout("s")), text().map(message -> BuiltinStages.deny("s", message)),
                Arbitraries.of(true, false).map(error -> BuiltinStages.dummy("s", new DummyConfig(error))), redirect(),
                userWrite(), Arbitraries.of(true, false).map(b -> BuiltinStages.invitation("s", new InvitationConfig(b))),
                email(), prompt(), mfa(), consent());
    }

    private static Arbitrary<StageDefinition> consent() {
        return Combinators.combine(Arbitraries.of(ConsentMode.class), Arbitraries.integers().between(1, 90))
                .as((mode, days) -> StageDefinition.of("s", ConsentStage.TYPE, new ConsentConfig(mode, Duration.ofDays(days))));
    }

    private static Arbitrary<StageDefinition> mfa() {
        Arbitrary<StageDefinition> validate = Combinators.combine(
                        Arbitraries.of(DeviceKind.class).set().ofMinSize(1), Arbitraries.of(NotConfiguredAction.class),
                        Arbitraries.longs().between(0, 3600), Arbitraries.of(UserVerification.class),
                        Arbitraries.integers().between(1, 9))
                .as((kinds, action, seconds, verification, attempts) -> BuiltinStages.authenticatorValidate("s",
                        new AuthenticatorValidateConfig(kinds, action, action == NotConfiguredAction.CONFIGURE
                                ? List.of("default-authenticator-totp-setup") : List.of(), Duration.ofSeconds(seconds),
                                verification, java.util.Set.of("https://login.example.com"), attempts)));
        Arbitrary<StageDefinition> totp = Combinators.combine(Arbitraries.of(6, 8), Arbitraries.of(TotpAlgorithm.class),
                        Arbitraries.integers().between(0, 3))
                .as((digits, algorithm, tolerance) -> StageDefinition.of("s", AuthenticatorTotpStage.TYPE,
                        AuthenticatorTotpConfig.defaults().withDigits(digits).withAlgorithm(algorithm).withTolerance(tolerance)));
        Arbitrary<StageDefinition> codes = Arbitraries.integers().between(1, 20).map(count -> StageDefinition.of("s",
                AuthenticatorStaticStage.TYPE, AuthenticatorStaticConfig.defaults().withTokenCount(count)));
        Arbitrary<StageDefinition> webauthn = Arbitraries.of(ResidentKey.class).map(key -> StageDefinition.of("s",
                AuthenticatorWebAuthnStage.TYPE, AuthenticatorWebAuthnConfig.forRelyingParty("example.com",
                        "https://login.example.com", "https://example.com").withResidentKey(key)));
        Arbitrary<StageDefinition> email = Arbitraries.integers().between(1, 60).map(minutes -> StageDefinition.of("s",
                AuthenticatorEmailStage.TYPE, AuthenticatorEmailConfig.defaults().withCodeValidity(Duration.ofMinutes(minutes))));
        return Arbitraries.oneOf(validate, totp, codes, webauthn, email);
    }

    private static Arbitrary<StageDefinition> prompt() {
        Arbitrary<PolicyDefinition> validation = Arbitraries.oneOf(
                Arbitraries.of(EXPRESSIONS).map(e -> PolicyDefinition.expression("v", e)),
                Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.of(true, false), text())
                        .as((length, strength, message) -> {
                            PasswordPolicyConfig config = PasswordPolicyConfig.defaults().withLengthMin(length)
                                    .withErrorMessage(message).withAmountDigits(length % 3);
                            return PolicyDefinition.of("v", PasswordPolicyType.TYPE,
                                    strength ? config.withStrengthCheck(length % 4) : config);
                        }));
        return Combinators.combine(promptField().list().ofMinSize(1).ofMaxSize(4), validation.list().ofMaxSize(2))
                .as((fields, policies) -> BuiltinStages.prompt("s", new PromptConfig(fields, policies)));
    }

    private static Arbitrary<PromptField> promptField() {
        Arbitrary<PromptFieldType> type = Arbitraries.of(PromptFieldType.TEXT, PromptFieldType.EMAIL, PromptFieldType.PASSWORD,
                PromptFieldType.USERNAME, PromptFieldType.NUMBER, PromptFieldType.CHECKBOX, PromptFieldType.DROPDOWN,
                PromptFieldType.RADIO_BUTTON_GROUP, PromptFieldType.HIDDEN, PromptFieldType.STATIC);
        return Combinators.combine(Arbitraries.of("field", "email", "password", "name"), text(), type,
                        Arbitraries.of(true, false), text(), Arbitraries.of(true, false), Arbitraries.integers().between(-5, 500),
                        text())
                .as((key, label, t, required, placeholder, expression, order, subText) -> {
                    PromptField field = PromptField.of("f", key, label, t).withRequired(required).withOrder(order)
                            .withSubText(subText);
                    field = expression ? field.withInitialValueExpression("user.username") : field.withPlaceholder(placeholder);
                    return t.isChoice() ? field.withChoices(PromptChoice.of("a"), new PromptChoice("Bee", "b")) : field;
                });
    }

    private static Arbitrary<StageDefinition> identification() {
        Arbitrary<List<UserField>> fields = Arbitraries.of(
                List.of(UserField.USERNAME), List.of(UserField.EMAIL), List.of(UserField.USERNAME, UserField.EMAIL),
                List.of(UserField.EMAIL, UserField.USERNAME));
        Arbitrary<boolean[]> flags = Arbitraries.of(true, false).array(boolean[].class).ofSize(7);
        return Combinators.combine(fields, flags, slugOrNull(), slugOrNull(), slugOrNull())
                .as((f, b, enrollment, recovery, passwordless) -> BuiltinStages.identification("s",
                        new IdentificationConfig(f, b[0], b[1], b[2], b[3], b[4], enrollment, recovery, passwordless, b[5])));
    }

    private static Arbitrary<StageDefinition> password() {
        return Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.of(true, false))
                .as((attempts, show) -> BuiltinStages.password("s", new PasswordConfig(attempts, show)));
    }

    private static Arbitrary<Duration> duration() {
        return Arbitraries.longs().between(0, 10 * 86_400).map(Duration::ofSeconds);
    }

    private static Arbitrary<StageDefinition> userLogin() {
        return Combinators.combine(duration(), duration())
                .as((session, remember) -> BuiltinStages.userLogin("s", new UserLoginConfig(session, remember)));
    }

    private static Arbitrary<StageDefinition> redirect() {
        Arbitrary<RedirectConfig> toStatic = Arbitraries.of("/", "/welcome", "https://app.example.com/home")
                .map(target -> target.startsWith("https") ? RedirectConfig.toStatic(target).withAllowedHosts("app.example.com", "b.example.com")
                        : RedirectConfig.toStatic(target));
        Arbitrary<RedirectConfig> toFlow = Arbitraries.of("next-flow", "other").map(RedirectConfig::toFlow);
        return Combinators.combine(Arbitraries.oneOf(toStatic, toFlow), Arbitraries.of(true, false))
                .as((config, keep) -> BuiltinStages.redirect("s", config.withKeepContext(keep)));
    }

    private static Arbitrary<StageDefinition> userWrite() {
        return Combinators.combine(Arbitraries.of(UserCreationMode.class), Arbitraries.of(true, false),
                        Arbitraries.of("new-users", "staff").injectNull(0.5), Arbitraries.of("", "users/external"),
                        Arbitraries.of(UserType.class))
                .as((mode, inactive, group, path, type) -> BuiltinStages.userWrite("s",
                        new UserWriteConfig(mode, inactive, group, path, type)));
    }

    private static Arbitrary<StageDefinition> email() {
        Arbitrary<SmtpSettings> smtp = Combinators.combine(Arbitraries.of("localhost", "smtp.example.com"),
                        Arbitraries.integers().between(1, 65535), Arbitraries.of("mailer", "").injectNull(0.5),
                        Arbitraries.of(true, false), Arbitraries.integers().between(1, 60))
                .as((host, port, user, tls, timeout) -> SmtpSettings.defaults().withServer(host, port)
                        .withCredentials(user, null).withTls(tls).withTimeout(Duration.ofSeconds(timeout)));
        return Combinators.combine(Arbitraries.of(true, false), smtp, Arbitraries.integers().between(1, 120),
                        text(), Arbitraries.of(EmailTemplate.class), Arbitraries.of(true, false),
                        Arbitraries.integers().between(1, 10))
                .as((global, settings, minutes, subject, template, activate, resends) -> {
                    EmailConfig config = EmailConfig.defaults("https://login.example.com")
                            .withTokenExpiry(Duration.ofMinutes(minutes)).withSubject(subject).withTemplate(template)
                            .withActivateUserOnSuccess(activate).withResendLimit(resends, Duration.ofMinutes(resends));
                    return BuiltinStages.email("s", global ? config.withSmtp(settings).withGlobalSettings() : config.withSmtp(settings));
                });
    }
}
