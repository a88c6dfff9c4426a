package dev.flowstage.stages.email;

import static dev.flowstage.stages.testing.Results.deniedWith;
import static dev.flowstage.stages.testing.Results.proceeded;
import static dev.flowstage.stages.testing.Results.rejectedWith;
import static dev.flowstage.stages.testing.Results.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.MailMessage;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.spi.Mailer;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MutableClock;
import dev.flowstage.stages.testing.TestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The email stage's decisions, against a test context with a recording mailer. */
class EmailStageTest {
    private static final String BASE = "https://login.example.com";
    private static final EmailConfig CONFIG = EmailConfig.defaults(BASE);
    private static final ResponseErrors EMAIL_SENT = ResponseErrors.nonField("email-sent", "email-sent");
    private static final ResponseErrors EMAIL_FAILED =
            ResponseErrors.nonField("The email could not be sent. Please try again later.", "email-failed");
    private static final User CAROL = new User("u-carol", "carol", "carol@example.com", "Carol <b>&</b> Co",
            false, false, java.util.Set.of(), null, Map.of());

    private final EmailStage stage = new EmailStage();
    private final RecordingMailer mailer = new RecordingMailer();
    private final MutableClock clock = new MutableClock(TestContext.NOW);

    private TestContext<EmailConfig> context(EmailConfig config, User pending) {
        return TestContext.of(config).named("verify-email").withClock(clock).withService(Mailer.class, mailer)
                .withUser(Fixtures.alice()).withUser(CAROL).with(ContextKeys.PENDING_USER, PendingUser.of(pending));
    }

    private TestContext<EmailConfig> arrived(EmailConfig config, User pending) {
        TestContext<EmailConfig> ctx = context(config, pending);
        shown(ctx.apply(stage.arrive(ctx)));
        return ctx;
    }

    private static String token(TestContext<EmailConfig> ctx) {
        List<String> issued = ctx.testTokens().issued();
        return issued.get(issued.size() - 1);
    }

    private static ChallengeResponse answer(String token) {
        return ChallengeResponse.of(Map.of("token", token));
    }

    // arrival

    @Test
    void arrive_withoutPendingUser_denies() {
        var ctx = TestContext.of(CONFIG).withService(Mailer.class, mailer);

        deniedWith(stage.arrive(ctx), "No pending user.");
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void arrive_knownUser_mailsOneLinkAndShowsTheBareChallenge() {
        var ctx = context(CONFIG, Fixtures.alice());

        StageResult result = ctx.apply(stage.arrive(ctx));

        shown(result);
        assertThat(ctx.get(EmailStage.sentKey("verify-email"))).contains(true);
        assertThat(stage.challenge(ctx)).isEqualTo(Challenge.of("ak-stage-email"));
        assertThat(ctx.testTokens().issued()).hasSize(1);
        var stored = ctx.testTokens().peek(token(ctx));
        assertThat(stored.purpose()).isEqualTo("email-verification");
        assertThat(stored.expiresAt()).isEqualTo(TestContext.NOW.plus(Duration.ofMinutes(30)));
        assertThat(stored.data()).isEqualTo(Map.of("header", "Continue to confirm this email address."));
        MailMessage mail = mailer.last();
        assertThat(mail.to()).isEqualTo("alice@example.com");
        assertThat(mail.subject()).isEqualTo("Flowstage");
        String link = BASE + "/if/flow/test-flow/?flow_token=" + token(ctx);
        assertThat(mail.text()).contains(link, "Hello alice,", "2026-01-02 03:34 UTC (in 30 minutes)");
        assertThat(mail.html()).contains("href=\"" + link + "\"");
    }

    @Test
    void arrive_afterTheMailWasSent_showsWithoutMailingAgain() {
        var ctx = arrived(CONFIG, Fixtures.alice());

        shown(stage.arrive(ctx));
        assertThat(mailer.sent()).hasSize(1);
        assertThat(ctx.testTokens().issued()).hasSize(1);
    }

    @Test
    void arrive_emailOverrideInContext_mailsThatAddress() {
        var ctx = context(CONFIG, Fixtures.alice()).with(EmailStage.EMAIL_OVERRIDE, "alice.new@example.org");

        shown(stage.arrive(ctx));
        assertThat(mailer.last().to()).isEqualTo("alice.new@example.org");
    }

    @Test
    void arrive_pretendUserInRecoveryFlow_showsTheSameChallengeWithoutTokenOrMail() {
        var known = context(CONFIG, Fixtures.alice()).designated(Designation.RECOVERY);
        var pretend = TestContext.of(CONFIG).named("verify-email").designated(Designation.RECOVERY)
                .withService(Mailer.class, mailer).with(ContextKeys.PENDING_USER, PendingUser.pretend("nobody@example.com"));

        StageResult forKnown = known.apply(stage.arrive(known));
        int mailsForKnown = mailer.sent().size();
        StageResult forPretend = pretend.apply(stage.arrive(pretend));

        assertThat(forPretend.getClass()).isEqualTo(forKnown.getClass());
        assertThat(pretend.context().asMap()).containsOnlyKeys(known.context().asMap().keySet());
        assertThat(stage.challenge(pretend)).isEqualTo(stage.challenge(known));
        assertThat(mailer.sent()).hasSize(mailsForKnown);
        assertThat(pretend.testTokens().issued()).isEmpty();
    }

    @Test
    void arrive_pendingUserMissingFromDirectory_mailsNothing() {
        var ctx = TestContext.of(CONFIG).withService(Mailer.class, mailer)
                .with(ContextKeys.PENDING_USER, new PendingUser("u-deleted", "dora", "dora@example.com"));

        shown(stage.arrive(ctx));
        assertThat(mailer.sent()).isEmpty();
        assertThat(ctx.testTokens().issued()).isEmpty();
    }

    @Test
    void arrive_userWithoutAddress_mailsNothing() {
        shown(stage.arrive(context(CONFIG, User.of("u-erin", "erin", "")).withUser(User.of("u-erin", "erin", ""))));
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void arrive_mailerFails_showsEmailFailedWithoutMarkingTheMailSent() {
        mailer.failing(RecordingMailer.serverDown());
        var ctx = context(CONFIG, Fixtures.alice());

        rejectedWith(ctx.apply(stage.arrive(ctx)), EMAIL_FAILED);
        assertThat(ctx.get(EmailStage.sentKey("verify-email"))).isEmpty();
    }

    @Test
    void arrive_mailerThrowsSomethingElse_showsEmailFailed() {
        mailer.failing(new IllegalStateException("host bug"));

        rejectedWith(stage.arrive(context(CONFIG, Fixtures.alice())), EMAIL_FAILED);
    }

    @Test
    void arrive_globalSettingsWithoutMailerService_showsEmailFailed() {
        var ctx = context(CONFIG, Fixtures.alice()).withoutServices();

        rejectedWith(stage.arrive(ctx), EMAIL_FAILED);
    }

    @Test
    void arrive_ownSmtpSettingsAndServerDown_showsEmailFailed() {
        var config = CONFIG.withSmtp(SmtpSettings.defaults().withServer("127.0.0.1", Mails.unusedPort()));

        rejectedWith(stage.arrive(context(config, Fixtures.alice())), EMAIL_FAILED);
        assertThat(mailer.sent()).isEmpty();
    }

    // following the link

    @Test
    void submit_issuedToken_proceedsRecordsVerificationAndActivatesTheUser() {
        var ctx = arrived(CONFIG.withActivateUserOnSuccess(true), CAROL);

        StageResult result = ctx.apply(stage.submit(ctx, answer(token(ctx))));

        proceeded(result);
        assertThat(ctx.userDirectory().findById("u-carol").orElseThrow().active()).isTrue();
        assertThat(ctx.get(EmailStage.EMAIL_VERIFIED)).contains(true);
        assertThat(ctx.get(ContextKeys.VERIFIED_CREDENTIALS)).contains(List.of("verify-email"));
        assertThat(ctx.get(EmailStage.sentKey("verify-email"))).isEmpty();
    }

    @Test
    void submit_issuedTokenWithoutActivation_leavesTheUserInactive() {
        var ctx = arrived(CONFIG, CAROL);

        proceeded(stage.submit(ctx, answer(token(ctx))));
        assertThat(ctx.userDirectory().findById("u-carol").orElseThrow().active()).isFalse();
    }

    @Test
    void submit_usedToken_rejectedAsAlreadyUsed() {
        var ctx = arrived(CONFIG, Fixtures.alice());
        proceeded(stage.submit(ctx, answer(token(ctx))));

        rejectedWith(stage.submit(ctx, answer(token(ctx))),
                ResponseErrors.invalid("non_field_errors", "This link was already used. Please request a new one."));
    }

    @Test
    void submit_tamperedToken_rejectedAsNotValid() {
        var ctx = arrived(CONFIG, Fixtures.alice());
        String token = token(ctx);
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        rejectedWith(stage.submit(ctx, answer(tampered)),
                ResponseErrors.invalid("non_field_errors", "This link is not valid. Please request a new one."));
        rejectedWith(stage.submit(ctx, ChallengeResponse.of(Map.of("token", 42))),
                ResponseErrors.invalid("non_field_errors", "This link is not valid. Please request a new one."));
        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void submit_expiredToken_rejectedAsExpired() {
        var ctx = arrived(CONFIG, Fixtures.alice());
        clock.advance(Duration.ofMinutes(30));

        rejectedWith(stage.submit(ctx, answer(token(ctx))),
                ResponseErrors.invalid("non_field_errors", "This link has expired. Please request a new one."));
    }

    @Test
    void submit_tokenIssuedForAnotherPendingUser_denies() {
        var ctx = arrived(CONFIG, Fixtures.alice()).with(ContextKeys.PENDING_USER, PendingUser.of(CAROL));

        deniedWith(stage.submit(ctx, answer(token(ctx))), "This link does not belong to this flow.");
    }

    @Test
    void submit_withoutPendingUser_denies() {
        var ctx = TestContext.of(CONFIG).withService(Mailer.class, mailer);

        deniedWith(stage.submit(ctx, ChallengeResponse.empty()), "No pending user.");
        deniedWith(stage.submit(ctx, answer("x")), "No pending user.");
    }

    // resending

    @Test
    void submit_withoutToken_resendsANewLinkAndAnswersEmailSent() {
        var ctx = arrived(CONFIG, Fixtures.alice());
        String first = token(ctx);

        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.of(Map.of("component", "ak-stage-email")))), EMAIL_SENT);

        assertThat(mailer.sent()).hasSize(2);
        assertThat(token(ctx)).isNotEqualTo(first);
        assertThat(mailer.last().text()).contains(token(ctx));
        proceeded(stage.submit(ctx, answer(first)));
    }

    @Test
    void submit_resendsBeyondTheLimit_refusedUntilTheWindowEnds() {
        var ctx = arrived(CONFIG.withResendLimit(2, Duration.ofMinutes(5)), Fixtures.alice());
        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.empty())), EMAIL_SENT);
        clock.advance(Duration.ofSeconds(30));
        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.empty())), EMAIL_SENT);

        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.empty())), ResponseErrors.invalid("non_field_errors",
                "Too many account verification attempts. Please try again after 5 minutes."));
        clock.advance(Duration.ofMinutes(2));
        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.empty())), ResponseErrors.invalid("non_field_errors",
                "Too many account verification attempts. Please try again after 3 minutes."));
        assertThat(mailer.sent()).hasSize(3);

        clock.advance(Duration.ofMinutes(2).plusSeconds(30));
        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.empty())), EMAIL_SENT);
        assertThat(mailer.sent()).hasSize(4);
    }

    @Test
    void submit_resendWhileTheMailerFails_answersEmailFailedThenARetrySucceeds() {
        mailer.failing(RecordingMailer.serverDown());
        var ctx = context(CONFIG, Fixtures.alice());
        rejectedWith(ctx.apply(stage.arrive(ctx)), EMAIL_FAILED);
        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.empty())), EMAIL_FAILED);

        mailer.working();
        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.empty())), EMAIL_SENT);

        assertThat(mailer.sent()).hasSize(1);
        proceeded(stage.submit(ctx, answer(token(ctx))));
    }

    @Test
    void submit_resendForPretendUser_answersLikeForAKnownUserWithoutMail() {
        var ctx = TestContext.of(CONFIG).designated(Designation.RECOVERY).withService(Mailer.class, mailer)
                .with(ContextKeys.PENDING_USER, PendingUser.pretend("nobody"));
        shown(ctx.apply(stage.arrive(ctx)));

        rejectedWith(ctx.apply(stage.submit(ctx, ChallengeResponse.empty())), EMAIL_SENT);
        rejectedWith(stage.submit(ctx, answer("guessed")),
                ResponseErrors.invalid("non_field_errors", "This link is not valid. Please request a new one."));
        assertThat(mailer.sent()).isEmpty();
    }

    // templates and configuration

    @Test
    void templates_escapeUserValuesInHtmlOnly() {
        arrived(CONFIG.withTemplate(EmailTemplate.ACCOUNT_CONFIRMATION).withSubject("Confirm your account"), CAROL);

        MailMessage mail = mailer.last();
        assertThat(mail.subject()).isEqualTo("Confirm your account");
        assertThat(mail.text()).contains("Hello Carol <b>&</b> Co,", "please confirm your email address");
        assertThat(mail.html()).contains("Hello Carol &lt;b&gt;&amp;&lt;/b&gt; Co,").doesNotContain("<b>&</b>");
    }

    @Test
    void templates_passwordResetNamesTheResetAndTheLifetime() {
        arrived(CONFIG.withTokenExpiry(Duration.ofHours(2)), Fixtures.alice());

        assertThat(mailer.last().text()).contains("reset the password", "2026-01-02 05:04 UTC (in 2 hours)");
        assertThat(mailer.last().html()).contains("Reset my password");
    }

    @Test
    void templates_placeholdersInUserValuesAreNotExpanded() {
        User tricky = new User("u-t", "t", "t@example.com", "{url} {expires}", true, false, java.util.Set.of(), null, Map.of());
        var ctx = context(CONFIG, tricky).withUser(tricky);
        shown(stage.arrive(ctx));

        assertThat(mailer.last().text()).contains("Hello {url} {expires},");
    }

    @Test
    void link_trailingSlashOfTheBaseIsNotDoubled() {
        arrived(CONFIG.withLinkBaseUrl("http://127.0.0.1:9000/auth/"), Fixtures.alice());

        assertThat(mailer.last().text()).contains("http://127.0.0.1:9000/auth/if/flow/test-flow/?flow_token=");
    }

    @Test
    void validate_reportsEveryProblem() {
        var config = new EmailConfig(false, null, Duration.ZERO, "s", EmailTemplate.PASSWORD_RESET, "ftp://x.example",
                false, 5, Duration.ofMinutes(-1));

        assertThat(stage.validate(config)).containsExactly(
                "link_base_url 'ftp://x.example' must be an absolute http(s) URL without query or fragment, such as https://login.example.com",
                "smtp is required when use_global_settings is false",
                "token_expiry must be positive, got PT0S",
                "resend_window must be positive, got PT-1M");
    }

    @Test
    void validate_linkBaseUrls() {
        assertThat(List.of("https://login.example.com", "http://127.0.0.1:9000", "https://example.com/auth/"))
                .allSatisfy(url -> assertThat(stage.validate(CONFIG.withLinkBaseUrl(url))).isEmpty());
        assertThat(List.of("/relative", "login.example.com", "https://x.example?a=1", "https://x.example/#f",
                "https://user@x.example", "javascript:alert(1)", "http://"))
                .allSatisfy(url -> assertThat(stage.validate(CONFIG.withLinkBaseUrl(url))).hasSize(1));
    }

    @Test
    void validate_smtpSettingsProblems() {
        var config = CONFIG.withSmtp(SmtpSettings.defaults().withTls(true).withSsl(true).withTimeout(Duration.ZERO));

        assertThat(stage.validate(config)).containsExactly("smtp.timeout must be positive, got PT0S",
                "smtp.use_tls and smtp.use_ssl are mutually exclusive (STARTTLS or implicit TLS)");
        assertThat(stage.validate(CONFIG.withSmtp(SmtpSettings.defaults()))).isEmpty();
    }

    @Test
    void definition_namesTheTypeAndKeepsTheConfig() {
        var definition = EmailStage.definition("verify", CONFIG);

        assertThat(definition.type()).isEqualTo("builtin.email");
        assertThat(definition.config()).isSameAs(CONFIG);
        assertThat(stage.typeId()).isEqualTo(EmailStage.TYPE);
        assertThat(stage.configType()).isEqualTo(EmailConfig.class);
    }

    @Test
    void contextKeys_areScopedByStageName() {
        assertThat(EmailStage.sentKey("a")).isNotEqualTo(EmailStage.sentKey("b"));
        assertThat(EmailStage.sentKey("verify").name()).isEqualTo("goauthentik.io/stages/email/verify/email_sent");
        assertThat(FlowContext.empty().with(EmailStage.resendWindowKey("a"), 1L).get(EmailStage.resendWindowKey("a")))
                .contains(1L);
    }
}
