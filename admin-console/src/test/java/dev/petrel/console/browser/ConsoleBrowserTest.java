package dev.petrel.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.console.fixture.ConsoleFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End-to-end: a real browser logs in, looks at a topic with two durable subscriptions, browses a
 * message, purges one subscription, and a viewer is refused. Screenshots of the main pages go to
 * {@code target/screenshots/}.
 */
class ConsoleBrowserTest {

    @RegisterExtension
    final ConsoleFixture fixture = new ConsoleFixture();

    private Browser browser;
    private String billing;
    private String shipping;

    @BeforeEach
    void seedATopicWithTwoDurableSubscriptionsAndStartTheBrowser() {
        billing = fixture.durableSubscription("orders", "app-1", "billing");
        shipping = fixture.durableSubscription("orders", "app-2", "shipping");
        fixture.publish("orders", "{\"order\":1,\"item\":\"<script>alert(1)</script>\"}", Map.of("region", "EU"));
        fixture.publish("orders", "{\"order\":2,\"item\":\"widget\"}", Map.of("region", "US"));
        fixture.publish("orders", "{\"order\":3,\"item\":\"gadget\"}", Map.of("region", "EU"));
        fixture.sendToQueue("invoices", "invoice 1", Map.of());
        fixture.sendToQueue("DLQ", "poison", Map.of("_PTL_ORIG_DESTINATION", "invoices"));
        fixture.connection("app-1", "invoices");
        browser = Browser.start();
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void open(String path) {
        browser.driver.get(fixture.baseUri().resolve(path).toString());
    }

    private void logIn(String user, String password) {
        open("login");
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("login")).click();
        waitFor(By.id("current-user"));
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(what));
    }

    private String backlogOf(String subscription) {
        return browser.driver.findElement(By.cssSelector("tr[data-sub='" + subscription + "'] td.backlog")).getText();
    }

    @Test
    void adminSeesTheTopicsTwoDurableSubscriptionsWithTheirBacklogs() {
        open("login");
        browser.screenshot("01-login");
        logIn(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD);
        waitFor(By.id("rate-chart"));
        browser.screenshot("02-overview");
        open("topics");
        waitFor(By.cssSelector("section.topic"));
        browser.screenshot("03-topics");
        assertEquals("3", backlogOf(billing));
        assertEquals("3", backlogOf(shipping));
    }

    @Test
    void adminBrowsesASubscriptionAndOpensAMessage() {
        logIn(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD);
        open("topics");
        browser.driver.findElement(By.cssSelector("tr[data-sub='" + billing + "'] a.browse")).click();
        waitFor(By.id("messages"));
        browser.screenshot("04-browse");
        assertEquals(3, browser.driver.findElements(By.cssSelector("tr.message")).size());
        browser.driver.findElements(By.cssSelector("tr.message a.detail")).get(0).click();
        WebElement body = waitFor(By.id("body-text"));
        browser.screenshot("05-message");
        assertTrue(body.getText().contains("<script>alert(1)</script>"), "the markup shows as text: " + body.getText());
        assertTrue(body.getText().contains("\n"), "JSON is pretty-printed");
    }

    @Test
    void browsingWithASelectorShowsOnlyMatchingMessages() {
        logIn(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD);
        open("browse?topic=orders&sub=" + billing);
        browser.driver.findElement(By.id("selector")).sendKeys("region = 'EU'");
        browser.driver.findElement(By.id("apply")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("selector="));
        browser.screenshot("06-browse-selector");
        assertEquals(2, browser.driver.findElements(By.cssSelector("tr.message")).size());
    }

    @Test
    void purgingOneSubscriptionEmptiesItWhileTheOtherKeepsItsMessages() {
        logIn(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD);
        open("topics");
        browser.driver.findElement(By.cssSelector("tr[data-sub='" + billing + "'] a.purge")).click();
        WebElement question = waitFor(By.id("question"));
        browser.screenshot("07-confirm-purge");
        assertTrue(question.getText().contains("remove all 3 messages"), question.getText());
        browser.driver.findElement(By.id("confirm")).click();
        WebElement flash = waitFor(By.id("flash"));
        browser.screenshot("08-topics-after-purge");
        assertTrue(flash.getText().startsWith("Purged 3 messages"), flash.getText());
        assertEquals("0", backlogOf(billing));
        assertEquals("3", backlogOf(shipping));
    }

    @Test
    void viewerIsOfferedNoPurgeAndIsRefusedIfTryingAnyway() {
        logIn(ConsoleFixture.VIEWER, ConsoleFixture.VIEWER_PASSWORD);
        open("topics");
        waitFor(By.cssSelector("section.topic"));
        browser.screenshot("09-topics-as-viewer");
        assertTrue(browser.driver.findElements(By.cssSelector("a.purge")).isEmpty(), "no purge link for a viewer");
        open("confirm?action=purge&topic=orders&sub=" + billing);
        WebElement status = waitFor(By.id("status"));
        browser.screenshot("10-viewer-forbidden");
        assertEquals("403", status.getText());
        open("topics");
        assertEquals("3", backlogOf(billing));
    }

    @Test
    void queuesAndConnectionsPagesListWhatTheBrokerHas() {
        logIn(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD);
        open("queues");
        waitFor(By.cssSelector("tr[data-queue='invoices']"));
        browser.screenshot("11-queues");
        assertEquals("1", browser.driver.findElement(By.cssSelector("tr[data-queue='invoices'] td.depth")).getText());
        open("connections");
        waitFor(By.cssSelector("tr.connection"));
        browser.screenshot("12-connections");
        assertFalse(browser.driver.findElements(By.cssSelector("tr.connection a.close")).isEmpty());
    }

    @Test
    void adminMovesTwoSelectedMessagesToAnotherQueue() {
        fixture.queue("archive");
        logIn(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD);
        open("browse?topic=orders&sub=" + billing);
        java.util.List<WebElement> boxes = browser.driver.findElements(By.cssSelector("tr.message input[name='ids']"));
        boxes.get(0).click();
        boxes.get(1).click();
        browser.driver.findElement(By.cssSelector("#selection input[name='toName']")).sendKeys("archive");
        browser.driver.findElement(By.id("move-selected")).click();
        WebElement question = waitFor(By.id("question"));
        assertTrue(question.getText().startsWith("Move the 2 selected messages"), question.getText());
        browser.driver.findElement(By.id("confirm")).click();
        WebElement flash = waitFor(By.id("flash"));
        browser.screenshot("13-browse-after-move");
        assertTrue(flash.getText().startsWith("Moved 2 messages"), flash.getText());
        assertEquals(1, browser.driver.findElements(By.cssSelector("tr.message")).size());
    }

    @Test
    void wrongPasswordShowsAnErrorOnTheLoginForm() {
        open("login");
        browser.driver.findElement(By.id("username")).sendKeys(ConsoleFixture.ADMIN);
        browser.driver.findElement(By.id("password")).sendKeys("wrong");
        browser.driver.findElement(By.id("login")).click();
        assertTrue(waitFor(By.id("login-error")).isDisplayed());
    }
}
