package io.ringside.examples.chromium;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through /usr/bin/chromedriver (never Selenium Manager: no
 * downloads), with a fresh profile, for the browser ITs.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final String BROWSER = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    // Selenium warns on every start that it has no DevTools bindings for this Chromium; we use none
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    /** Starts a browser with a 1280×720 window. */
    public HeadlessChromium() throws IOException {
        this(1280, 720);
    }

    /** Starts a browser with a {@code width}×{@code height} window and extra command-line switches. */
    public HeadlessChromium(int width, int height, String... extraArguments) throws IOException {
        profile = Files.createTempDirectory("ringside-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Runs {@code script} in the page and returns what it returns (maps, lists, numbers, strings). */
    public Object eval(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> evalMap(String script) {
        return (Map<String, Object>) eval(script);
    }

    /** Waits until {@code condition} holds (or fails with the page's console in the message). */
    public <T> T await(Duration timeout, Function<HeadlessChromium, T> condition) {
        try {
            return new WebDriverWait(driver, timeout).until(d -> condition.apply(this));
        } catch (RuntimeException e) {
            throw new AssertionError("page condition not met; browser console:\n" + console(), e);
        }
    }

    public String console() {
        StringBuilder text = new StringBuilder();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            text.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** Clicks the element matching {@code css}. */
    public void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    /** Real input devices: keys, mouse moves and buttons, as the page's event listeners get them. */
    public Actions actions() {
        return new Actions(driver);
    }

    /** The element matching {@code css}. */
    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Types {@code text} into the element matching {@code css}. */
    public void type(String css, String text) {
        driver.findElement(By.cssSelector(css)).sendKeys(text);
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
