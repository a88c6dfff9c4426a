package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The flow page's generic rendering in Chromium: every prompt field type, keyboard use, the first
 * admin's initial setup, a bad mailed link, and components the page does not know; the
 * authenticator components are rendered from sample challenges.
 */
class FlowPageBrowserTest extends BrowserJourneys {
    /** The admin has no password, so that the initial setup applies. */
    @Override
    DemoHost.Config config() {
        return new DemoHost.Config(0, Optional.empty(), 0);
    }

    @Test
    void prompt_everyFieldType_rendersAsItsControl_andErrorsSitAtTheirFields() {
        browser.open(FlowInterfaceHandler.path(DemoFlows.SHOWCASE));
        WebElement root = browser.awaitComponent("ak-stage-prompt");
        assertThat(root.findElement(By.cssSelector(".static-field")).getText()).isEqualTo("Fill in the form; nothing is stored.");
        assertThat(browser.field("Nickname").getDomAttribute("placeholder")).isEqualTo("What friends call you");
        assertThat(browser.driver().findElement(By.id(browser.field("Nickname").getDomAttribute("aria-describedby"))).getText())
                .isEqualTo("Shown next to your messages.");
        assertThat(browser.field("About you").getTagName()).isEqualTo("textarea");
        assertThat(browser.field("Plan").getDomProperty("value")).isEqualTo("Free");
        assertThat(browser.field("Plan").getDomAttribute("readonly")).isNotNull();
        assertThat(browser.field("Age").getDomAttribute("type")).isEqualTo("number");
        assertThat(root.findElement(By.cssSelector("[role=separator]")).getText()).isEqualTo("How to reach you");
        assertThat(root.findElements(By.cssSelector("fieldset.radio-group input[type=radio]"))).hasSize(3);
        assertThat(new Select(browser.field("Team")).getOptions()).extracting(WebElement::getText)
                .containsExactly("Development", "Operations");
        assertThat(browser.field("Birthday").getDomAttribute("type")).isEqualTo("date");
        assertThat(browser.field("Next meeting").getDomAttribute("type")).isEqualTo("datetime-local");
        assertThat(root.findElement(By.cssSelector("input[type=hidden][name=source]")).getDomProperty("value")).isEqualTo("showcase");
        assertThat(browser.field("Send me the newsletter").getDomAttribute("type")).isEqualTo("checkbox");
        browser.screenshot("prompt-every-field-type");

        assertThat(root.findElement(By.cssSelector("input[type=radio][value=red]")).isSelected())
                .as("the initial value is chosen").isTrue();
        browser.type("Age", "12");
        browser.press("Continue");
        WebElement nickname = browser.await(By.cssSelector("input[name=nickname][aria-invalid=true]"));
        assertThat(browser.focused()).as("focus moves to the first field in error").isEqualTo(nickname);
        assertThat(browser.driver().findElement(By.id(nickname.getDomAttribute("aria-describedby").split(" ")[1])).getText())
                .isEqualTo("This field may not be blank.");
        assertThat(browser.field("Age").getDomProperty("value")).as("typed values survive").isEqualTo("12");
        browser.screenshot("prompt-field-error");
        browser.type("Nickname", "Sam");

        browser.driver().findElement(By.cssSelector("input[type=radio][value=green]")).click();
        new Select(browser.field("Team")).selectByVisibleText("Operations");
        browser.field("Birthday").sendKeys("03152001");
        browser.field("Send me the newsletter").click();
        browser.type("Email", "not an address");
        browser.press("Continue");
        WebElement email = browser.await(By.cssSelector("input[name=contact_email][aria-invalid=true]"));
        assertThat(browser.focused()).isEqualTo(email);
        browser.type("Email", "sam@example.com");
        browser.press("Continue");
        browser.awaitComponent("ak-stage-dummy");
        browser.press("Continue");
        browser.awaitComponent("ak-stage-identification");
    }

    @Test
    void keyboard_enterSubmitsAndFocusFollowsTheSteps() {
        browser.open("/flows/-/default/authentication/");
        browser.awaitComponent("ak-stage-identification");
        browser.focused().sendKeys("nobody-here", Keys.ENTER);
        browser.awaitComponent("ak-stage-password");
        assertThat(browser.focused().getDomAttribute("name")).isEqualTo("password");
        browser.focused().sendKeys("whatever it is", Keys.ENTER);
        browser.await(By.cssSelector("input[name=password][aria-invalid=true]"));
        assertThat(browser.text()).as("an unknown user is answered like a wrong password").contains("Invalid password");
    }

    @Test
    void initialSetup_setsTheAdminsPasswordOnce() {
        browser.open(FlowInterfaceHandler.path(InitialSetup.FLOW));
        browser.awaitComponent("ak-stage-prompt");
        browser.screenshot("initial-setup");
        browser.type("Email", "admin@example.com");
        browser.type("Password", "the admin's new password");
        browser.type("Password (repeat)", "the admin's new password");
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);
        assertThat(browser.text()).contains("Signed in as akadmin", "Invite someone");
        assertThat(host.services().users.store().findByUsername("akadmin").orElseThrow().email()).isEqualTo("admin@example.com");

        browser.reset();
        browser.open(FlowInterfaceHandler.path(InitialSetup.FLOW));
        browser.awaitComponent("ak-stage-access-denied");
        assertThat(browser.text()).contains(InitialSetup.DONE);
    }

    @Test
    void mailedLink_withAnUnknownToken_showsAccessDenied() {
        browser.open(FlowInterfaceHandler.path("default-recovery-flow") + "?flow_token=not-a-real-token");
        browser.awaitComponent("ak-stage-access-denied");
        assertThat(browser.await(By.id("access-denied")).getText()).contains("This link is not valid. Please request a new one.");
        assertThat(browser.focused().getText()).isEqualTo("Back to the start page");
    }

    @Test
    void unknownComponent_isAClearUnsupportedStep() {
        browser.open(FlowInterfaceHandler.path(DemoFlows.SHOWCASE));
        browser.awaitComponent("ak-stage-prompt");
        browser.script("window.FlowstageUI.render({component: 'xs-stage-captcha-of-the-future',"
                + " flow_info: {title: 'Mystery step', cancel_url: '/flows/-/cancel/', layout: 'stacked'}})");
        WebElement alert = browser.await(By.id("unsupported"));
        assertThat(alert.getDomAttribute("role")).isEqualTo("alert");
        assertThat(alert.getText()).contains("This step is not supported by this page.", "xs-stage-captcha-of-the-future");
        assertThat(browser.driver().findElement(By.linkText("Cancel and start over")).getDomAttribute("href"))
                .isEqualTo("/flows/-/cancel/");
        browser.screenshot("unsupported-step");
    }

    @Test
    void authenticatorComponents_renderTheirControls() {
        browser.open(FlowInterfaceHandler.path(DemoFlows.SHOWCASE));
        browser.awaitComponent("ak-stage-prompt");
        render("{component: 'ak-stage-authenticator-totp', pending_user: 'akadmin', pending_user_avatar: '',"
                + " config_url: 'otpauth://totp/Flowstage:akadmin?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'}");
        assertThat(browser.await(By.id("totp-secret")).getText()).isEqualTo("JBSW Y3DP EHPK 3PXP");
        assertThat(browser.driver().findElement(By.id("totp-config-url")).getDomAttribute("href")).startsWith("otpauth://totp/");
        assertThat(browser.field("Code").getDomAttribute("autocomplete")).isEqualTo("one-time-code");
        browser.screenshot("authenticator-totp");

        render("{component: 'ak-stage-authenticator-static', codes: ['aaaa1111', 'bbbb2222']}");
        assertThat(browser.await(By.id("static-codes")).getText()).contains("aaaa1111", "bbbb2222");

        render("{component: 'ak-stage-authenticator-validate', pending_user: 'akadmin', configuration_stages: [],"
                + " device_challenges: [{device_class: 'totp', device_uid: '1', challenge: {}, last_used: null},"
                + " {device_class: 'static', device_uid: '2', challenge: {}, last_used: null},"
                + " {device_class: 'webauthn', device_uid: '3', challenge: {challenge: 'AAAA', allowCredentials: []}}],"
                + " response_errors: {code: [{string: 'Invalid Token.', code: 'invalid'}]}}");
        assertThat(browser.field("Code from your authenticator app").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElements(By.cssSelector(".device-chooser button"))).extracting(WebElement::getText)
                .containsExactly("Authenticator app", "Recovery code", "Security key or passkey");
        browser.driver().findElement(By.cssSelector("[data-device-class=webauthn]")).click();
        assertThat(browser.await(By.xpath("//button[normalize-space()='Use security key']")).isDisplayed()).isTrue();
        browser.screenshot("authenticator-validate");

        render("{component: 'ak-stage-authenticator-webauthn', registration: {challenge: 'AAAA', rp: {name: 'x'},"
                + " user: {id: 'AAAA', name: 'a', displayName: 'a'}, pubKeyCredParams: []}}");
        assertThat(browser.text()).contains("Use your security key or device to create a passkey.");
        render("{component: 'ak-stage-flow-error', request_id: 'abc123'}");
        assertThat(browser.text()).contains("Something went wrong. Please try again later.", "abc123");
        render("{component: 'ak-stage-dummy', name: 'pause'}");
        assertThat(browser.text()).contains("Stage pause has nothing to ask.");
        render("{component: 'xak-flow-redirect', to: 'javascript:alert(1)'}");
        assertThat(browser.text()).contains("This flow tried to send you to an address that is not allowed.");
        assertThat(List.of(browser.driver().getCurrentUrl())).allMatch(url -> url.startsWith(host.baseUri().toString()));
    }

    @Test
    void identification_withInlinePassword_andShowPassword_andMailFailures() {
        browser.open(FlowInterfaceHandler.path(DemoFlows.SHOWCASE));
        browser.awaitComponent("ak-stage-prompt");
        render("{component: 'ak-stage-identification', user_fields: ['email'], password_fields: true,"
                + " allow_show_password: true, primary_action: 'Log in', flow_designation: 'authentication',"
                + " passwordless_url: '/if/flow/passkeys/', enroll_url: 'javascript:alert(1)', sources: [],"
                + " flow_info: {title: 'Sign in', cancel_url: '/flows/-/cancel/', layout: 'stacked'},"
                + " response_errors: {non_field_errors: [{string: 'Failed to authenticate.', code: 'invalid'}]}}");
        assertThat(browser.field("Email").getDomAttribute("type")).isEqualTo("email");
        WebElement password = browser.field("Password");
        assertThat(password.getDomAttribute("type")).isEqualTo("password");
        assertThat(browser.await(By.id("non-field-errors")).getText()).isEqualTo("Failed to authenticate.");
        WebElement toggle = browser.driver().findElement(By.cssSelector("button.show-password"));
        toggle.click();
        assertThat(password.getDomProperty("type")).isEqualTo("text");
        assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("passwordless-link")).getDomAttribute("href")).isEqualTo("/if/flow/passkeys/");
        assertThat(browser.driver().findElements(By.id("enroll-link"))).as("a javascript: link is not shown").isEmpty();

        render("{component: 'ak-stage-email', response_errors: {non_field_errors: [{string: 'email-failed', code: 'email-failed'}]}}");
        assertThat(browser.await(By.id("non-field-errors")).getText())
                .isEqualTo("The email could not be sent. Please try again in a moment.");
    }

    private void render(String challenge) {
        browser.script("window.FlowstageUI.render(" + challenge + ")");
    }
}
