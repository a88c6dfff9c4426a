package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Secret;
import dev.flowstage.api.UserDraft;
import dev.flowstage.stages.authenticator.totp.Totp;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Sets up a second factor from the settings page, then signs in with it, in Chromium. */
class TwoFactorBrowserTest extends BrowserJourneys {
    @Test
    void recoveryCodes_setUpInSettings_areAskedForAtSignIn_andEachWorksOnce() {
        createUser("dora");
        signInWithPassword("dora");
        browser.open(UserInterfaceHandler.SETTINGS);
        assertThat(browser.await(By.id("mfa-devices")).getText()).contains("No second factor yet");
        browser.follow("Create recovery codes");
        browser.awaitComponent("ak-stage-authenticator-static");
        List<String> codes = browser.driver().findElements(By.cssSelector("#static-codes code")).stream()
                .map(WebElement::getText).toList();
        assertThat(codes).hasSize(6).doesNotHaveDuplicates();
        browser.screenshot("two-factor-recovery-codes");
        browser.press("I have saved my codes");
        browser.awaitPath(UserInterfaceHandler.SETTINGS);
        assertThat(browser.await(By.id("mfa-devices")).getText()).contains("Recovery codes (static)");

        browser.follow("Log out");
        browser.awaitComponent("ak-stage-identification");
        signInWithPassword("dora", false);
        browser.awaitComponent("ak-stage-authenticator-validate");
        browser.type("Recovery code", "notacode");
        browser.press("Continue");
        assertThat(browser.await(By.cssSelector("input[name=code][aria-invalid=true]")).isDisplayed()).isTrue();
        browser.screenshot("two-factor-wrong-code");
        browser.type("Recovery code", codes.get(0));
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);
        assertThat(browser.text()).contains("Signed in as dora");

        browser.follow("Log out");
        browser.awaitComponent("ak-stage-identification");
        signInWithPassword("dora", false);
        browser.awaitComponent("ak-stage-authenticator-validate");
        browser.type("Recovery code", codes.get(0));
        browser.press("Continue");
        assertThat(browser.await(By.cssSelector("input[name=code][aria-invalid=true]")).isDisplayed())
                .as("a used code does not work twice").isTrue();
    }

    @Test
    void authenticatorApp_setUpWithACode_thenSignsInWithTheNextCode() {
        createUser("erin");
        signInWithPassword("erin");
        browser.open(UserInterfaceHandler.SETTINGS);
        browser.follow("Set up an authenticator app");
        browser.awaitComponent("ak-stage-authenticator-totp");
        byte[] key = base32(browser.await(By.id("totp-secret")).getText().replace(" ", ""));
        Totp totp = new Totp(TotpAlgorithm.SHA1, 6, 30);
        long step = totp.step(Instant.now());
        browser.screenshot("two-factor-authenticator-app");
        browser.type("Code", totp.code(key, step));
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.SETTINGS);
        assertThat(browser.await(By.id("mfa-devices")).getText()).contains("Authenticator app (totp)");

        browser.follow("Log out");
        browser.awaitComponent("ak-stage-identification");
        signInWithPassword("erin", false);
        browser.awaitComponent("ak-stage-authenticator-validate");
        browser.type("Code from your authenticator app", totp.code(key, step + 1)); // the set-up's code is spent
        browser.press("Continue");
        browser.awaitPath(UserInterfaceHandler.PATH);
        assertThat(browser.text()).contains("Signed in as erin");
    }

    private void createUser(String username) {
        host.services().users.store().create(new UserDraft(username, username + "@example.com", username, true, Set.of(),
                host.services().configuration.hasher().hash(Secret.of(PASSWORD)), Map.of()));
    }

    private void signInWithPassword(String username) {
        signInWithPassword(username, true);
        browser.awaitPath(UserInterfaceHandler.PATH);
    }

    private void signInWithPassword(String username, boolean open) {
        if (open) {
            browser.open("/flows/-/default/authentication/");
            browser.awaitComponent("ak-stage-identification");
        }
        browser.type("Username or Email", username);
        browser.press("Log in");
        browser.awaitComponent("ak-stage-password");
        browser.type("Password", PASSWORD);
        browser.press("Continue");
    }

    /** Decodes RFC 4648 base32 (the key an authenticator app is given), without padding. */
    private byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).replace("=", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return bytes.toByteArray();
    }
}
