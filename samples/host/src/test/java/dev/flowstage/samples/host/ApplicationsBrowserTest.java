package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Secret;
import dev.flowstage.api.UserDraft;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Who sees and opens which application, in Chromium. */
class ApplicationsBrowserTest extends BrowserJourneys {
    private static final String USER_PASSWORD = "erin's long password";

    @BeforeAll
    void createUsers() {
        String hash = host.services().configuration.hasher().hash(Secret.of(USER_PASSWORD));
        host.services().users.store().create(new UserDraft("erin", "erin@example.org", "Erin", true, Set.of(), hash, Map.of()));
        host.services().users.store().create(new UserDraft("frank", "frank@example.com", "Frank", true, Set.of(), hash, Map.of()));
    }

    @Test
    void userOutsideTheGroup_doesNotSeeTheApplication_andIsDeniedWhenOpeningItDirectly() {
        signIn("/flows/-/default/authentication/", "erin", USER_PASSWORD);
        browser.awaitPath(UserInterfaceHandler.PATH);
        assertThat(apps()).containsExactly("handbook");
        assertThat(browser.text()).doesNotContain("Admin Console", "Invite someone");

        browser.open(ApplicationHandler.launchPath("admin-console"));
        assertThat(browser.await(By.cssSelector("[role=alert]")).getText())
                .isEqualTo(ApplicationHandler.DENIED + " (Admin Console)");
        assertThat(browser.driver().getTitle()).startsWith("Permission denied");
        browser.screenshot("application-access-denied");
        browser.open("/app/admin-console/");
        assertThat(browser.await(By.cssSelector("[role=alert]")).getText()).startsWith(ApplicationHandler.DENIED);

        browser.open(ApplicationHandler.launchPath("handbook"));
        browser.awaitPath("/app/handbook/");
        assertThat(browser.text()).contains("Welcome, erin. You opened Employee Handbook.");
    }

    @Test
    void applicationWithConsent_asksOnce_thenOpens() {
        signIn("/flows/-/default/authentication/", "frank", USER_PASSWORD);
        browser.awaitPath(UserInterfaceHandler.PATH);
        assertThat(apps()).containsExactly("handbook", "team-wiki");

        browser.driver().findElement(By.cssSelector("[data-app=team-wiki] a")).click();
        browser.awaitComponent("ak-stage-consent");
        assertThat(browser.driver().findElement(By.id("flow-title")).getText()).isEqualTo("Redirecting to Team Wiki");
        assertThat(browser.text()).contains("Team Wiki would like to know who you are.", "Your name and email address");
        browser.screenshot("application-consent");
        browser.press("Continue");
        browser.awaitPath("/app/team-wiki/");
        assertThat(browser.text()).contains("You opened Team Wiki.");

        browser.open(ApplicationHandler.launchPath("team-wiki"));
        browser.awaitPath("/app/team-wiki/");
    }

    @Test
    void anonymousVisitor_openingAnApplication_signsInFirstThenArrives() {
        browser.open(ApplicationHandler.launchPath("payroll"));
        browser.awaitComponent("ak-stage-identification");
        signIn(null, "akadmin", PASSWORD);
        browser.awaitPath("/app/payroll/");
        assertThat(browser.text()).contains("Welcome, akadmin. You opened Payroll.");
    }

    private java.util.List<String> apps() {
        return browser.driver().findElements(By.cssSelector(".app")).stream().map(app -> app.getDomAttribute("data-app")).toList();
    }

    private void signIn(String start, String username, String password) {
        if (start != null) {
            browser.open(start);
        }
        browser.awaitComponent("ak-stage-identification");
        browser.type("Username or Email", username);
        browser.press("Log in");
        browser.awaitComponent("ak-stage-password");
        browser.type("Password", password);
        browser.press("Continue");
    }
}
