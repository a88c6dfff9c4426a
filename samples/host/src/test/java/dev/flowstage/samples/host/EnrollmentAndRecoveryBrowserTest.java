package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.samples.journeys.Journeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Enrollment by invitation and password recovery in Chromium, with the mails read from the
 * embedded SMTP server through the host's outbox page.
 */
class EnrollmentAndRecoveryBrowserTest extends BrowserJourneys {
    @Test
    void invitation_adminInvites_newcomerEnrollsConfirmsTheMailAndIsSignedIn() {
        String link = inviteAs("akadmin", PASSWORD, "bob@example.com");
        browser.follow("Log out");
        browser.awaitComponent("ak-stage-identification");

        browser.openUrl(link);
        browser.awaitComponent("ak-stage-prompt");
        assertThat(browser.field("Email").getDomProperty("value")).as("pre-filled by the invitation").isEqualTo("bob@example.com");
        browser.type("Username", "bob");
        browser.type("Name", "Bob Builder");
        browser.type("Password", "a long passphrase");
        browser.type("Password (repeat)", "another passphrase");
        browser.press("Continue");
        WebElement alert = browser.await(By.id("non-field-errors"));
        assertThat(alert.getDomAttribute("role")).isEqualTo("alert");
        assertThat(alert.getText()).isEqualTo("Passwords don't match.");
        assertThat(browser.field("Username").getDomProperty("value")).as("typed values survive the error").isEqualTo("bob");
        browser.screenshot("invitation-passwords-mismatch");
        browser.type("Password", "a long passphrase");
        browser.type("Password (repeat)", "a long passphrase");
        browser.press("Continue");

        browser.awaitComponent("ak-stage-email");
        assertThat(browser.text()).contains("Check your email");
        browser.screenshot("invitation-check-your-mail");
        assertThat(host.services().users.store().findByUsername("bob")).get().extracting(User::active).isEqualTo(false);

        openMailLink("bob@example.com", "Confirm your email address");
        browser.awaitComponent("ak-stage-consent");
        assertThat(browser.text()).contains("Continue to confirm this email address.");
        browser.screenshot("invitation-confirm-mail");
        browser.press("Continue");

        browser.awaitPath(UserInterfaceHandler.PATH);
        assertThat(browser.text()).contains("Signed in as bob", "Admin Console");
        User bob = host.services().users.store().findByUsername("bob").orElseThrow();
        assertThat(bob.active()).isTrue();
        assertThat(bob.groups()).containsExactly(Journeys.ADMINS);
    }

    @Test
    void recovery_forgotPassword_mailedLinkSetsANewPasswordThatSignsIn() {
        host.services().users.store().create(new dev.flowstage.api.UserDraft("carol", "carol@example.com", "Carol", true,
                java.util.Set.of(), host.services().configuration.hasher().hash(Secret.of("old password 1")), java.util.Map.of()));
        browser.open("/flows/-/default/authentication/");
        browser.awaitComponent("ak-stage-identification");
        browser.follow("Forgot username or password?");
        browser.awaitComponent("ak-stage-identification");
        assertThat(browser.driver().getTitle()).startsWith("Reset your password");
        browser.type("Email or Username", "carol@example.com");
        browser.press("Continue");
        browser.awaitComponent("ak-stage-email");

        browser.press("Send email again");
        browser.await(By.cssSelector(".alert-success"));
        assertThat(browser.text()).contains("A new email is on its way.");

        openMailLink("carol@example.com", "Password reset");
        browser.awaitComponent("ak-stage-consent");
        browser.press("Continue");
        browser.awaitComponent("ak-stage-prompt");
        browser.type("Password", "short");
        browser.type("Password (repeat)", "short");
        browser.press("Continue");
        assertThat(browser.await(By.id("non-field-errors")).getText()).isEqualTo("Password needs to be 8 characters or longer.");
        browser.screenshot("recovery-password-too-short");
        browser.type("Password", "a new long password");
        browser.type("Password (repeat)", "a new long password");
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);
        assertThat(browser.text()).contains("Signed in as carol");

        browser.follow("Log out");
        browser.awaitComponent("ak-stage-identification");
        browser.type("Username or Email", "carol");
        browser.press("Log in");
        browser.awaitComponent("ak-stage-password");
        browser.type("Password", "a new long password");
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);
    }

    @Test
    void mailedLink_usedTwice_showsAccessDeniedWithTheTokensMessage() {
        String link = inviteAs("akadmin", PASSWORD, "dave@example.com");
        browser.follow("Log out");
        browser.awaitComponent("ak-stage-identification");
        browser.openUrl(link);
        browser.awaitComponent("ak-stage-prompt");
        browser.type("Username", "dave");
        browser.type("Name", "Dave");
        browser.type("Password", "a long passphrase");
        browser.type("Password (repeat)", "a long passphrase");
        browser.press("Continue");
        browser.awaitComponent("ak-stage-email");
        String mailed = mailLink("dave@example.com");
        browser.openUrl(mailed);
        browser.awaitComponent("ak-stage-consent");
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);

        browser.reset();
        browser.openUrl(mailed);
        browser.awaitComponent("ak-stage-access-denied");
        assertThat(browser.await(By.id("access-denied")).getText())
                .contains("Request has been denied.", "This link was already used. Please request a new one.");
        browser.screenshot("mailed-link-used");
    }

    /** Signs in, issues an invitation from the applications page and returns its link. */
    private String inviteAs(String username, String password, String email) {
        browser.open("/flows/-/default/authentication/?next=%2Fif%2Fuser%2F");
        browser.awaitComponent("ak-stage-identification");
        browser.type("Username or Email", username);
        browser.press("Log in");
        browser.awaitComponent("ak-stage-password");
        browser.type("Password", password);
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);
        browser.type("Email address", email);
        browser.press("Create invitation");
        return browser.await(By.id("invitation-link")).getDomAttribute("href");
    }

    /** Opens the outbox (reloading until the mail to {@code to} arrived) and follows the link in it. */
    private void openMailLink(String to, String subject) {
        WebElement mail = awaitMail(to);
        assertThat(mail.findElement(By.className("mail-subject")).getText()).isEqualTo(subject);
        browser.screenshot("outbox");
        mail.findElement(By.className("mail-link")).click();
    }

    private String mailLink(String to) {
        return awaitMail(to).findElement(By.className("mail-link")).getDomAttribute("href");
    }

    private WebElement awaitMail(String to) {
        browser.open(OutboxHandler.PATH);
        return new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15)).until(driver -> {
            List<WebElement> mails = driver.findElements(By.cssSelector(".mail"));
            for (WebElement mail : mails) {
                if (mail.findElement(By.className("mail-to")).getText().contains(to)) {
                    return mail;
                }
            }
            driver.navigate().refresh();
            return null;
        });
    }
}
