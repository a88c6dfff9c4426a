package dev.flowstage.stages.email;

import dev.flowstage.api.Secret;
import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The blueprint model {@value #NAME} of the email stage. authentik's SMTP attributes ({@code host},
 * {@code port}, {@code username}, {@code password}, {@code use_tls}, {@code use_ssl},
 * {@code timeout} in seconds, {@code from_address}), {@code token_expiry} (a duration, or minutes
 * as authentik's older files write it), {@code subject}, {@code template}
 * ({@code email/password_reset.html} or {@code email/account_confirmation.html}),
 * {@code activate_user_on_success}, {@code recovery_max_attempts} and {@code recovery_cache_timeout}
 * (the resend limit and its window), plus Flowstage's {@code link_base_url}, the absolute URL links
 * start with. The password is never exported: give it with {@code !Env} when applying.
 */
public final class EmailModel implements BlueprintModel<EmailConfig> {
    /** The model name. */
    public static final String NAME = "authentik_stages_email.emailstage";
    private static final String TEMPLATE_PREFIX = "email/";
    private static final String TEMPLATE_SUFFIX = ".html";

    @Override
    public String modelName() {
        return NAME;
    }

    @Override
    public Kind kind() {
        return Kind.STAGE;
    }

    @Override
    public String typeId() {
        return EmailStage.TYPE;
    }

    @Override
    public Class<EmailConfig> configType() {
        return EmailConfig.class;
    }

    @Override
    public EmailConfig fromAttributes(ModelAttributes attrs) {
        String base = attrs.string("link_base_url", null);
        if (base == null) {
            attrs.problem("link_base_url", "is required: the absolute URL the host serves flows under, such as "
                    + "https://login.example.com (authentik takes it from the request)");
            base = "";
        }
        EmailConfig d = EmailConfig.defaults(base);
        return new EmailConfig(attrs.bool("use_global_settings", d.useGlobalSettings()), smtp(attrs),
                tokenExpiry(attrs, d.tokenExpiry()), attrs.string("subject", d.subject()),
                attrs.choice("template", EmailModel::template, d.template()), base,
                attrs.bool("activate_user_on_success", d.activateUserOnSuccess()),
                attrs.integer("recovery_max_attempts", d.resendLimit()),
                attrs.duration("recovery_cache_timeout", d.resendWindow()));
    }

    private static SmtpSettings smtp(ModelAttributes attrs) {
        SmtpSettings d = SmtpSettings.defaults();
        String password = attrs.string("password", null);
        return new SmtpSettings(attrs.string("host", d.host()), attrs.integer("port", d.port()),
                attrs.string("username", d.username()), password == null || password.isEmpty() ? null : Secret.of(password),
                attrs.bool("use_tls", d.useTls()), attrs.bool("use_ssl", d.useSsl()),
                Duration.ofSeconds(attrs.integer("timeout", (int) d.timeout().toSeconds())),
                attrs.string("from_address", d.from()));
    }

    private static Duration tokenExpiry(ModelAttributes attrs, Duration defaultValue) {
        if (attrs.value("token_expiry") instanceof Number minutes) {
            return Duration.ofMinutes(minutes.longValue());
        }
        return attrs.duration("token_expiry", defaultValue);
    }

    private static EmailTemplate template(String value) {
        String name = value.startsWith(TEMPLATE_PREFIX) && value.endsWith(TEMPLATE_SUFFIX)
                ? value.substring(TEMPLATE_PREFIX.length(), value.length() - TEMPLATE_SUFFIX.length()) : value;
        for (EmailTemplate template : EmailTemplate.values()) {
            if (template.name().toLowerCase(Locale.ROOT).equals(name)) {
                return template;
            }
        }
        throw new IllegalArgumentException("template '" + value + "' is not one of [email/password_reset.html, "
                + "email/account_confirmation.html] (custom templates are not supported)");
    }

    @Override
    public Map<String, Object> toAttributes(EmailConfig config) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("use_global_settings", config.useGlobalSettings());
        if (config.smtp() != null) {
            SmtpSettings smtp = config.smtp();
            attrs.put("host", smtp.host());
            attrs.put("port", smtp.port());
            attrs.put("username", smtp.username());
            attrs.put("use_tls", smtp.useTls());
            attrs.put("use_ssl", smtp.useSsl());
            attrs.put("timeout", smtp.timeout().toSeconds());
            attrs.put("from_address", smtp.from());
        }
        attrs.put("token_expiry", config.tokenExpiry());
        attrs.put("subject", config.subject());
        attrs.put("template", TEMPLATE_PREFIX + config.template().name().toLowerCase(Locale.ROOT) + TEMPLATE_SUFFIX);
        attrs.put("link_base_url", config.linkBaseUrl());
        attrs.put("activate_user_on_success", config.activateUserOnSuccess());
        attrs.put("recovery_max_attempts", config.resendLimit());
        attrs.put("recovery_cache_timeout", config.resendWindow());
        return attrs;
    }
}
