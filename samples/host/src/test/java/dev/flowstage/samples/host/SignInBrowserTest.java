package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/** Signs in and out through the web UI in Chromium, as a person would. */
class SignInBrowserTest extends BrowserJourneys {
    @Test
    void signIn_wrongThenRightPassword_showsTheErrorAtTheFieldThenTheApplications() {
        browser.open("/");
        browser.awaitComponent("ak-stage-identification");
        assertThat(browser.driver().getTitle()).isEqualTo("Welcome to Flowstage! – Flowstage");
        assertThat(browser.focused().getDomAttribute("name")).as("the first field has the focus").isEqualTo("uid_field");
        browser.type("Username or Email", "akadmin");
        browser.press("Log in");

        browser.awaitComponent("ak-stage-password");
        assertThat(browser.text()).contains("akadmin");
        browser.type("Password", "not the password");
        browser.press("Continue");
        WebElement password = browser.await(By.cssSelector("input[name=password][aria-invalid=true]"));
        assertThat(browser.focused()).as("the field in error has the focus").isEqualTo(password);
        String errorsId = password.getDomAttribute("aria-describedby");
        assertThat(browser.driver().findElement(By.id(errorsId)).getText()).isEqualTo("Invalid password");
        browser.screenshot("sign-in-wrong-password");

        browser.type("Password", PASSWORD);
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);
        assertThat(browser.text()).contains("My applications", "Signed in as akadmin", "Employee Handbook", "Admin Console");
        Cookie session = browser.driver().manage().getCookieNamed(Sessions.AUTH_COOKIE);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getExpiry()).as("a browser session: no remember-me in the default flow").isNull();
        browser.screenshot("user-applications");
    }

    @Test
    void logout_throughTheInvalidationFlow_endsTheSession() {
        signIn();
        browser.follow("Log out");
        browser.awaitComponent("ak-stage-identification");
        assertThat(browser.driver().manage().getCookieNamed(Sessions.AUTH_COOKIE)).isNull();
        browser.open(UserInterfaceHandler.PATH);
        browser.awaitComponent("ak-stage-identification");
        assertThat(browser.driver().getCurrentUrl()).contains("/if/flow/default-authentication-flow/?next=%2Fif%2Fuser%2F");
        browser.screenshot("logged-out");
    }

    @Test
    void staffBrand_rememberMe_keepsTheSessionForThirtyDaysMore() {
        browser.openUrl("http://localhost:" + host.port() + "/");
        browser.awaitComponent("ak-stage-identification");
        assertThat(browser.driver().getTitle()).isEqualTo("Staff sign-in – Flowstage Staff");
        assertThat(browser.driver().findElement(By.cssSelector(".brand-logo")).getDomAttribute("src"))
                .isEqualTo("/static/flowstage/logo-staff.svg");
        assertThat(browser.script("return getComputedStyle(document.body).backgroundImage")).asString()
                .as("the flow's background from flow_info").contains("/static/flowstage/background-staff.svg");
        browser.type("Username or Email", "akadmin@example.com");
        browser.press("Log in");
        browser.awaitComponent("ak-stage-password");
        browser.type("Password", PASSWORD);
        browser.press("Continue");
        browser.awaitComponent("ak-stage-user-login");
        assertThat(browser.text()).contains("Stay signed in?");
        browser.screenshot("staff-remember-me");
        browser.press("Yes");
        browser.awaitPath(UserInterfaceHandler.PATH);
        Date expiry = browser.driver().manage().getCookieNamed(Sessions.AUTH_COOKIE).getExpiry();
        Instant expected = Instant.now().plus(DemoFlows.STAFF_SESSION).plus(DemoFlows.STAFF_REMEMBER_ME);
        assertThat(expiry.toInstant()).isBetween(expected.minus(Duration.ofMinutes(5)), expected.plus(Duration.ofMinutes(5)));
    }

    @Test
    void signIn_onAPhone_fitsTheScreen() {
        browser.phone();
        browser.open("/flows/-/default/authentication/");
        browser.awaitComponent("ak-stage-identification");
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth");
        Number viewport = (Number) browser.script("return window.innerWidth");
        assertThat(scrollWidth.intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(viewport.intValue());
        browser.screenshot("sign-in-phone");
    }

    private void signIn() {
        browser.open("/flows/-/default/authentication/");
        browser.awaitComponent("ak-stage-identification");
        browser.type("Username or Email", "akadmin");
        browser.press("Log in");
        browser.awaitComponent("ak-stage-password");
        browser.type("Password", PASSWORD);
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);
    }
}
