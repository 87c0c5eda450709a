package org.lethe.auditor.ui;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lethe.auditor.AuditorTestResources;
import org.lethe.auditor.LedgerHistory;
import org.lethe.auditor.index.LedgerIndexer;
import org.lethe.auditor.peers.PeerChecks;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Verdict;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The auditor's pages in a real browser: Debian's headless Chromium driven through chromedriver. Skipped,
 * saying so, where the two are not installed ({@code ./lethe test} installs them where root and apt allow).
 */
@QuarkusTest
@QuarkusTestResource(value = AuditorTestResources.class, restrictToAnnotatedClass = false)
class AuditorPagesBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @TestHTTPResource("/")
    URL root;

    @Inject
    LedgerIndexer indexer;

    @Inject
    PeerChecks peers;

    private final LedgerHistory history = new LedgerHistory(AuditorTestResources.ledger(), AuditorTestResources.peers());
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "browser test skipped: " + CHROMIUM + " and "
                + CHROMEDRIVER + " are not installed (Debian packages chromium, chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAuditorFollowsARequestFromTheDashboardToItsTransactionsAndTheVersionHistory() throws InterruptedException {
        Bytes32 model = history.model();
        DeletionRequest request = history.request();
        Bytes32 version = history.execute(model, request.requestId());
        history.verify(request.requestId(), Verdict.CERTIFIED);
        indexer.catchUp();
        peers.checkAll();

        browser.get(root.toString());
        assertEquals("Dashboard · Lethe auditor", browser.getTitle());
        assertTrue(browser.findElement(By.id("counts")).getText().contains("CERTIFIED"));
        browser.findElement(By.cssSelector("#recent a[href='/ui/requests/" + request.requestId().toHex() + "']")).click();

        assertEquals(request.requestId().toHex(), browser.findElement(By.id("request-id")).getText());
        assertEquals("CERTIFIED", browser.findElement(By.id("status")).getText());
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertTrue(timeline.contains("executed by version " + version.toHex()), timeline);
        assertEquals(3, browser.findElements(By.cssSelector("#timeline a.tx")).size(),
                "anchoring, execution and verification each link to their transaction");
        browser.findElements(By.cssSelector("#timeline a.tx")).get(2).click();
        assertTrue(browser.findElement(By.id("events")).getText().contains("VerificationRecorded"));

        browser.findElement(By.linkText("Model versions")).click();
        assertTrue(browser.findElement(By.id("versions")).getText().contains(version.toHex()));
        assertFalse(browser.findElements(By.cssSelector("#rate-chart rect.rate-before")).isEmpty(),
                "the chart shows the rate before deletion");
        assertFalse(browser.findElements(By.cssSelector("#rate-chart rect.rate-after")).isEmpty());
    }
}
