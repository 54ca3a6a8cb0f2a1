package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gmck.kit.catalogue.Rule;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The documentation site of this build: made with the standalone certifier's {@code site} command from every
 * report the build certified, into {@code target/site-gmck}; every internal link of every page resolves; then,
 * in headless Chromium, its pages load without console errors, the matrix's counts are the reports' counts,
 * its filters narrow it, and each rule's permanent links open the rule. Screenshots of the home page, the
 * matrix and a rule page are saved in {@code target/site-screenshots}. The browser checks need Debian's
 * {@code chromium} and {@code chromium-driver} and are skipped, saying so, where they are absent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentationSiteTest {

    private static final Path ROOT = Path.of(System.getProperty("kit.root", ".."));
    static final Path SITE = Path.of("target", "site-gmck").toAbsolutePath();
    private static final Path SHOTS = Path.of("target", "site-screenshots").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getProperty("gmck.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("gmck.chromedriver", "/usr/bin/chromedriver"));
    private static final Pattern HREF = Pattern.compile("<a [^>]*href=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Path> reports = new ArrayList<>();
    private static final Map<Path, String> pages = new TreeMap<>();
    private static WebDriver browser;

    /** The reports this build wrote: the reference's, pgm-lite's, the clean-room GMM's, and any other in place. */
    static List<Path> reports() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path candidate : List.of(
                ROOT.resolve("kit/target/conformance/report.json"),
                ROOT.resolve("examples/third-party-adapter/target/conformance/report.json"),
                ROOT.resolve("qemu-adapter/target/conformance/report.json"))) {
            if (Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        Path certified = Path.of("target", "certifications");
        if (Files.isDirectory(certified)) {
            try (Stream<Path> walk = Files.walk(certified, 2)) {
                walk.filter(p -> p.getFileName().toString().equals("report.json"))
                        .sorted()
                        .forEach(found::add);
            }
        }
        return found;
    }

    @BeforeAll
    static void buildSite() throws IOException, InterruptedException {
        // a folder left by an older build may lack the site marker the site writer looks for; it is ours to remove
        if (Files.isDirectory(SITE)) {
            try (Stream<Path> old = Files.walk(SITE)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        reports.addAll(reports());
        long start = System.nanoTime();
        Path cli = Path.of(System.getProperty("gmck.cli.jar", "../kit/target/gmck-kit-cli.jar"));
        if (Files.isRegularFile(cli)) {
            List<String> command = ChildJvm.command("-jar", cli.toString(), "site", "--out", SITE.toString());
            reports.forEach(r -> command.add(r.toAbsolutePath().toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "gmck site: " + out);
            System.out.println(out.strip() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } else {
            // Without the standalone jar (a build that skipped packaging), the same site through the kit's API.
            Site.ofKit(reports).write(SITE);
        }
        try (Stream<Path> walk = Files.walk(SITE)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages.put(p, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void hasAPageForEveryRuleFeatureAndImplementation() {
        for (Rule rule : RuleCatalogue.bundled().rules()) {
            String page = pages.get(SITE.resolve("rules").resolve(rule.id() + ".html"));
            assertTrue(page != null, "no page for " + rule.id());
            assertTrue(page.contains("<h1 class=\"rule-id\">" + rule.id() + "</h1>"), rule.id());
        }
        assertTrue(Files.isRegularFile(SITE.resolve("features/pgm/shadow-modes.html")));
        assertEquals(
                reports.size(),
                pages.keySet().stream()
                        .filter(p -> p.getParent().endsWith("implementations"))
                        .count(),
                "one page per report");
    }

    @Test
    @Order(2)
    void everyInternalLinkOfEveryPageResolves() {
        Map<Path, java.util.Set<String>> ids = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            Matcher m = HREF.matcher(page.getValue());
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                if (href.startsWith("http:") || href.startsWith("https:") || href.startsWith("mailto:")) {
                    continue;
                }
                links++;
                String problem = resolve(page.getKey(), href, ids);
                if (problem != null) {
                    broken.add(SITE.relativize(page.getKey()) + ": " + href + " " + problem);
                }
            }
        }
        assertTrue(links > 1000, "only " + links + " links");
        assertTrue(
                broken.isEmpty(),
                broken.size() + " broken links, first: " + broken.subList(0, Math.min(10, broken.size())));
    }

    /** Why a link from a page does not resolve, or null when it does. */
    private static String resolve(Path from, String href, Map<Path, java.util.Set<String>> ids) {
        String withoutQuery = href.replaceAll("\\?[^#]*", "");
        int hash = withoutQuery.indexOf('#');
        String file = hash < 0 ? withoutQuery : withoutQuery.substring(0, hash);
        String fragment = hash < 0 ? "" : withoutQuery.substring(hash + 1);
        Path target = file.isEmpty() ? from : from.getParent().resolve(file).normalize();
        if (!target.startsWith(SITE)) {
            return "leaves the site";
        }
        if (!Files.isRegularFile(target)) {
            return "names no file";
        }
        if (!fragment.isEmpty()) {
            java.util.Set<String> known = ids.computeIfAbsent(target, t -> {
                java.util.Set<String> found = new java.util.HashSet<>();
                Matcher m = ID.matcher(pages.getOrDefault(t, ""));
                while (m.find()) {
                    found.add(m.group(1));
                }
                return found;
            });
            if (!known.contains(fragment)) {
                return "names no element #" + fragment;
            }
        }
        return null;
    }

    private static WebDriver browser() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser checks need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        if (browser == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--window-size=1400,1000");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        return browser;
    }

    private static String url(String page) {
        return SITE.resolve(page.replaceAll("[?#].*", "")).toUri() + page.replaceAll("^[^?#]*", "");
    }

    private static List<String> consoleProblems(WebDriver b) {
        return b.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Test
    @Order(3)
    void pagesLoadWithoutConsoleErrorsAndTheirLinksResolve() throws IOException {
        WebDriver b = browser();
        String rule = RuleCatalogue.bundled().rules().iterator().next().id();
        List<String> visit = new ArrayList<>(List.of(
                "index.html",
                "matrix.html",
                "features.html",
                "pictures.html",
                "rules/" + rule + ".html",
                "rules/PGM-SHW-25.html",
                "features/pgm/shadow-modes.html",
                "profiles/gmm.html"));
        pages.keySet().stream()
                .filter(p -> p.getParent().endsWith("implementations"))
                .map(p -> SITE.relativize(p).toString())
                .forEach(visit::add);
        b.manage().logs().get(LogType.BROWSER);
        for (String page : visit) {
            b.get(url(page));
            assertFalse(b.getTitle().isEmpty(), page + " has no title");
            List<String> problems = consoleProblems(b);
            assertTrue(problems.isEmpty(), page + ": " + problems);
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) ((JavascriptExecutor) b)
                    .executeScript("return Array.from(document.querySelectorAll('a'))"
                            + ".map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
                            + ".filter(h => h.startsWith('file:'))");
            Map<Path, java.util.Set<String>> ids = new HashMap<>();
            for (String href : hrefs) {
                URI uri = URI.create(href);
                Path file = Path.of(URI.create(uri.getScheme() + "://" + uri.getRawPath()));
                String rel = SITE.relativize(file).toString()
                        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
                assertEquals(null, resolve(SITE.resolve("index.html"), rel, ids), page + " links to " + href);
            }
        }
    }

    @Test
    @Order(4)
    void theMatrixCountsAreTheReportsCounts() throws IOException {
        WebDriver b = browser();
        b.get(url("matrix.html"));
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (WebElement count : b.findElements(By.cssSelector("#counts .count"))) {
            shown.put(
                    count.getAttribute("data-impl") + "/" + count.getAttribute("data-profile") + "/"
                            + count.getAttribute("data-verdict"),
                    Integer.parseInt(count.getText().split(" ")[0]));
        }
        Map<String, Integer> cells = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>)
                ((JavascriptExecutor) b)
                        .executeScript(
                                "return Array.from(document.querySelectorAll('#matrix tbody td.cell'))"
                                        + ".map(td => td.dataset.impl + '/' + td.parentElement.dataset.profile + '/' + td.textContent)");
        keys.forEach(k -> cells.merge(k, 1, Integer::sum));
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<WebElement> heads = b.findElements(By.cssSelector("#matrix thead th a"));
        assertEquals(reports.size(), heads.size(), "one column per report");
        for (int i = 0; i < reports.size(); i++) {
            JsonNode report = JSON.readTree(reports.get(i).toFile());
            String slug = heads.get(i).getAttribute("href").replaceAll(".*/implementations/(.*)\\.html$", "$1");
            for (JsonNode profile : report.at("/profiles")) {
                profile.at("/counts").properties().forEach(e -> {
                    if (!List.of("rules", "scenarios", "cases", "modelRuns").contains(e.getKey())
                            && e.getValue().asInt() > 0) {
                        expected.put(
                                slug + "/" + profile.at("/id").asText() + "/" + e.getKey(),
                                e.getValue().asInt());
                    }
                });
            }
        }
        assertFalse(expected.isEmpty(), "the reports count nothing");
        assertEquals(new TreeMap<>(expected), new TreeMap<>(shown), "the counts above the matrix");
        assertEquals(new TreeMap<>(expected), new TreeMap<>(cells), "the cells of the matrix");
    }

    @Test
    @Order(5)
    void theFiltersNarrowTheMatrix() {
        WebDriver b = browser();
        b.get(url("matrix.html"));
        int all = visibleRows(b);
        assertEquals(RuleCatalogue.bundled().rules().size(), all);
        new Select(b.findElement(By.id("f-profile"))).selectByVisibleText("gmm");
        long gmm = RuleCatalogue.bundled().rules().stream()
                .filter(r -> r.profile().id().equals("gmm"))
                .count();
        assertEquals(gmm, visibleRows(b), "profile gmm");
        new Select(b.findElement(By.id("f-level"))).selectByVisibleText("SHOULD");
        long should = RuleCatalogue.bundled().rules().stream()
                .filter(r -> r.profile().id().equals("gmm") && r.level().name().equals("SHOULD"))
                .count();
        assertEquals(should, visibleRows(b), "profile gmm, level SHOULD");
        new Select(b.findElement(By.id("f-profile"))).selectByIndex(0);
        new Select(b.findElement(By.id("f-level"))).selectByIndex(0);
        b.findElement(By.id("f-text")).sendKeys("PGM-SHW-25");
        assertEquals(1, visibleRows(b), "text PGM-SHW-25");
        assertTrue(b.findElement(By.id("PGM-SHW-25")).isDisplayed());
        b.findElement(By.id("f-text")).clear();
        b.findElement(By.id("f-text")).sendKeys(" ");
        if (!reports.isEmpty()) {
            new Select(b.findElement(By.id("f-verdict"))).selectByVisibleText("pass");
            int pass = visibleRows(b);
            assertTrue(pass > 0 && pass < all, pass + " rows pass in some implementation, of " + all);
        }
        b.get(url("matrix.html?profile=monitor"));
        long monitor = RuleCatalogue.bundled().rules().stream()
                .filter(r -> r.profile().id().equals("monitor"))
                .count();
        assertEquals(monitor, visibleRows(b), "matrix.html?profile=monitor");
    }

    private static int visibleRows(WebDriver b) {
        return ((Number) ((JavascriptExecutor) b)
                        .executeScript("return document.querySelectorAll('#matrix tbody tr:not([hidden])').length"))
                .intValue();
    }

    @Test
    @Order(6)
    void eachRulesPermanentLinksOpenTheRule() {
        WebDriver b = browser();
        b.get(url("matrix.html"));
        List<WebElement> rows = b.findElements(By.cssSelector("#matrix tbody tr"));
        assertEquals(RuleCatalogue.bundled().rules().size(), rows.size());
        @SuppressWarnings("unchecked")
        List<List<String>> links = (List<List<String>>) ((JavascriptExecutor) b)
                .executeScript("return Array.from(document.querySelectorAll('#matrix tbody tr')).map(tr => ["
                        + "tr.id, tr.querySelector('a.permalink').getAttribute('href'),"
                        + " tr.querySelector('a.rule-link').getAttribute('href')])");
        for (List<String> link : links) {
            assertEquals("#" + link.get(0), link.get(1));
            assertEquals("rules/" + link.get(0) + ".html", link.get(2));
        }
        // Follow them for the first rule of every profile: the rule's page, and its row in the matrix.
        Map<String, String> firstOfProfile = new LinkedHashMap<>();
        RuleCatalogue.bundled()
                .rules()
                .forEach(r -> firstOfProfile.putIfAbsent(r.profile().id(), r.id()));
        for (String id : firstOfProfile.values()) {
            b.get(url("rules/" + id + ".html"));
            assertEquals(id, b.findElement(By.tagName("h1")).getText());
            assertFalse(b.findElements(By.cssSelector("#scenarios, #verdicts")).isEmpty());
            b.get(url("matrix.html?verdict=untestable#" + id));
            assertEquals(id, ((JavascriptExecutor) b).executeScript("return document.querySelector(':target').id"));
            assertTrue(b.findElement(By.id(id)).isDisplayed(), "the matrix shows the row its link names: " + id);
        }
    }

    @Test
    @Order(7)
    void savesScreenshotsOfTheHomePageTheMatrixAndARule() throws IOException {
        WebDriver b = browser();
        Files.createDirectories(SHOTS);
        for (String[] shot : new String[][] {
            {"index.html", "home.png"}, {"matrix.html", "matrix.png"}, {"rules/PGM-SHW-25.html", "rule.png"}
        }) {
            b.get(url(shot[0]));
            byte[] png = ((TakesScreenshot) b).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(shot[1]), png);
            assertTrue(png.length > 10_000, shot[1] + " is " + png.length + " bytes");
        }
    }
}
