package com.enreach.tools.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium: Debian's {@code chromium} and {@code /usr/bin/chromedriver} (no driver or
 * browser is downloaded). Waits only guard against hangs; tests wait for conditions, never for time.
 */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);
    private final ChromeDriver driver;
    private final String base;

    Browser(String baseUrl) {
        this.base = baseUrl;
        String chromium = System.getProperty("enreach.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("enreach.chromedriver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 1000));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads the page afresh (a URL that differs only in its hash would otherwise not reload it). */
    void open(String path) {
        driver.get("about:blank");
        driver.get(base + path);
    }

    /** Navigates inside the single page (hash route), as a click on a link does. */
    void route(String hash) {
        driver.executeScript("location.hash = arguments[0]", hash);
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void awaitGone(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.numberOfElementsToBe(by, 0));
    }

    <T> T until(String what, java.util.function.Function<ChromeDriver, T> condition) {
        // The page re-renders lists as it goes: an element read a moment ago may have been replaced.
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class).until(d -> condition.apply(driver));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Signs in through the form with the token (when not signed in already); returns once the navigation shows. */
    void signIn(String token) {
        open("/");
        until("the sign-in form or the signed-in page", d -> d.findElements(By.id("token")).isEmpty() && d.findElements(By.id("signed-in-as")).isEmpty()
                ? null : Boolean.TRUE);
        if (!driver.findElements(By.id("signed-in-as")).isEmpty()) {
            return;
        }
        WebElement input = await(By.id("token"));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.id("signin-submit")).click();
        await(By.id("signed-in-as"));
    }

    /** target/screenshots/&lt;name&gt;.png */
    Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("enreach.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
