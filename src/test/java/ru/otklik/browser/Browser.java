package ru.otklik.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user's headless Chromium (the distribution's {@code chromium} and {@code chromedriver}, never a
 * downloaded one) with a fresh profile, Russian as its language and the organizations' time zone, and the
 * steps of Camunda Tasklist and its Camunda Forms that the browser tests need. Elements are always found
 * anew and waited for; nothing sleeps.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("otklik.browser.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    /** Where screenshots go: {@code <build directory>/screenshots}, set by the surefire execution. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("otklik.screenshots.dir", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String ZONE = "Asia/Novokuznetsk";
    /** The Start process dialog (XPath). */
    static final String START_DIALOG = "//div[contains(@class,'modal-dialog')]";
    /** The open task (XPath). */
    static final String TASK = "//section[contains(@class,'task-card')]";

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and its driver are needed (%s, %s): apt-get install chromium chromium-driver",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        try {
            profile = Files.createTempDirectory("otklik-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        // The binary and the driver are given, so Selenium Manager looks for and downloads nothing.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=ru",
                "--accept-lang=ru-RU,ru");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru-RU,ru"));
        // An alert stays open, so that the tests can see whether one was raised.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("LANGUAGE", "ru"))
                .build();
        driver = new ChromeDriver(service, options);
        // Russian dates (dd.mm.yyyy in Camunda Forms) and the organizations' clock, whatever the machine's
        driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "ru-RU"));
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ZONE));
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    static Browser open(String baseUrl) {
        return new Browser(baseUrl);
    }

    WebDriver driver() {
        return driver;
    }

    void get(String path) {
        driver.get(baseUrl + path);
    }

    /**
     * Waits until {@code condition} holds, failing with {@code what} and the page's notifications, and leaving
     * a screenshot and the page's HTML ({@code failure-*.png}, {@code .html}) next to the screenshots.
     */
    <T> T until(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(ElementClickInterceptedException.class)
                    .withMessage(() -> what + "; on the page: " + notifications())
                    .until(condition);
        } catch (TimeoutException e) {
            String name = "failure-" + System.currentTimeMillis();
            screenshot(name, null);
            try {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
                Files.write(SCREENSHOTS.resolve(name + ".log"), driver.manage().logs().get(LogType.BROWSER).getAll()
                        .stream().map(Object::toString).toList());
            } catch (IOException | RuntimeException ignored) {
                // the screenshot is the main evidence
            }
            throw e;
        }
    }

    WebElement visible(By locator) {
        return until(locator.toString(), ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void click(By locator) {
        until("click " + locator, d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (element == null) {
                return null;
            }
            script("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Tasklist's messages to the user (success, errors) and the form's validation errors, as text. */
    String notifications() {
        try {
            return driver.findElements(By.cssSelector(".notifications .notification, .alert, .fjs-form-field-error")).stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).toList().toString();
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Whether an alert, confirm or prompt is open (a script ran). */
    boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Sends HTTP Basic credentials with every request, as the staff pages (dashboard, reports) ask. */
    Browser withBasicAuth(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + token)));
        return this;
    }

    // ---- Tasklist ----

    /** Logs in to Tasklist as a demo user. */
    Browser logIn(String user, String password) {
        get("/camunda/app/tasklist/");
        WebElement name = visible(By.cssSelector("form input[ng-model='username']"));
        name.sendKeys(user);
        driver.findElement(By.cssSelector("form input[ng-model='password']")).sendKeys(password);
        click(By.cssSelector("form button[type='submit']"));
        visible(By.xpath("//a[normalize-space()='Начать процесс']"));
        return this;
    }

    /** Opens the Start process dialog and the start form of the process named {@code processName}. */
    void startForm(String processName) {
        click(By.xpath("//a[normalize-space()='Начать процесс']"));
        click(By.xpath(START_DIALOG + "//a[normalize-space()=" + literal(processName) + "]"));
        visible(By.xpath(START_DIALOG + "//form[contains(@class,'fjs-form')]"));
    }

    /** Starts the process from the filled start form and waits for Tasklist's confirmation. */
    void submitStartForm() {
        click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Начать']"));
        visible(By.xpath("//*[contains(normalize-space(),'Новый экземпляр процесса создан')]"));
    }

    /** Opens the task from the list of the filter {@code filterName}, showing its form. */
    void openTask(String filterName, String taskId) {
        click(By.xpath("//a[starts-with(normalize-space(), " + literal(filterName) + ")]"));
        click(By.cssSelector("ol.tasks-list a[href*='task=" + taskId + "']"));
        visible(By.xpath(TASK + "//form[contains(@class,'fjs-form')]"));
    }

    /** Claims the open task («Взять в работу») and waits until the form can be edited. */
    void claim() {
        By claim = By.xpath(TASK + "//button[contains(@class,'claim') and normalize-space()='Взять в работу']");
        click(claim);
        until("the task claimed", ExpectedConditions.invisibilityOfElementLocated(claim));
        until("the form enabled", d -> d.findElements(By.xpath(TASK + "//*[contains(@class,'disabled-form')]")).isEmpty());
    }

    /** Completes the open task («Завершить»). */
    void complete() {
        click(By.xpath(TASK + "//button[normalize-space()='Завершить']"));
    }

    // ---- Camunda Forms ----

    /** The input that the label beginning with {@code label} names. */
    private static By field(String scope, String label) {
        return By.xpath(scope + "//*[@id=string(" + scope + "//label[starts-with(normalize-space()," + literal(label)
                + ")]/@for)]");
    }

    /**
     * Types {@code value} into the field labelled {@code label} and leaves it with Tab, as a user does: date and
     * time fields take what was typed only when left.
     */
    void type(String scope, String label, String value) {
        WebElement typed = until("type into «" + label + "»", d -> {
            WebElement input = d.findElement(field(scope, label));
            input.clear();
            input.sendKeys(value);
            return value.equals(input.getDomProperty("value")) ? input : null;
        });
        typed.sendKeys(Keys.TAB);
    }

    /** Chooses {@code option} in the select labelled {@code label}. */
    void select(String scope, String label, String option) {
        until("open the select «" + label + "»", d -> {
            WebElement display = d.findElement(field(scope, label)).findElement(
                    By.xpath("../div[contains(@class,'fjs-select-display')]"));
            if (d.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
                display.click();
            }
            return !d.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty();
        });
        click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()=" + literal(option) + "]"));
        until("«" + option + "» chosen", d -> option.equals(d.findElement(field(scope, label))
                .findElement(By.xpath("../div[contains(@class,'fjs-select-display')]")).getText().trim()));
    }

    /** Chooses the radio button whose label begins with {@code option}. */
    void choose(String scope, String option) {
        click(By.xpath(scope + "//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(),"
                + literal(option) + ")]"));
    }

    /** The text of the form's read-only views, Markdown and HTML (headings, the message, deadlines). */
    String formText(String scope) {
        return driver.findElement(By.xpath(scope))
                .findElements(By.cssSelector(".fjs-form-field-text, .fjs-form-field-html")).stream()
                .map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    /**
     * Elements of the form that could run a script: script elements (with their code) and elements with inline
     * event handlers (the element alone: escaped text inside it is not active).
     */
    List<String> activeContent(String scope) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) script("""
                return Array.from(arguments[0].querySelectorAll('*'))
                    .filter(e => e.tagName === 'SCRIPT' || e.tagName === 'IFRAME' || e.tagName === 'OBJECT'
                        || Array.from(e.attributes).some(a => a.name.startsWith('on')))
                    .map(e => e.tagName === 'SCRIPT' ? e.outerHTML : e.cloneNode(false).outerHTML);""",
                driver.findElement(By.xpath(scope)));
        return found;
    }

    // ---- screenshots ----

    /** Saves the window as {@code <name>.png} under {@link #SCREENSHOTS}, scrolled to {@code element} if given. */
    Path screenshot(String name, By element) {
        if (element != null) {
            script("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(element));
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }

    /** An XPath string literal for any text. */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
