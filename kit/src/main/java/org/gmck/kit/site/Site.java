package org.gmck.kit.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gmck.kit.catalogue.Interpretations;
import org.gmck.kit.catalogue.RuleCatalogue;
import org.gmck.kit.report.KitSources;

/**
 * Writes the documentation site into one folder: {@code index.html}, {@code matrix.html},
 * {@code features.html}, {@code pictures.html}, a page per rule, profile, feature and implementation, and
 * {@code assets/}. Every link is relative, so the folder opens from disk.
 */
public final class Site {

    private static final List<String> ASSETS = List.of("site.css", "site.js");

    private final SiteContent content;
    private final Map<String, String> featureTexts;

    public Site(SiteContent content, Map<String, String> featureTexts) {
        this.content = content;
        this.featureTexts = Map.copyOf(featureTexts);
    }

    /** The site of the kit on the class path, with the verdicts of the given reports. */
    public static Site ofKit(List<Path> reports) {
        KitSources kit = KitSources.onClassPath();
        ReportReader reader = new ReportReader();
        List<Certified> certified = new ArrayList<>();
        reports.forEach(r -> certified.add(reader.read(r)));
        Map<String, String> texts = new LinkedHashMap<>();
        kit.featureFiles().forEach((file, bytes) -> texts.put(file, new String(bytes, StandardCharsets.UTF_8)));
        SiteContent content = new SiteContent(
                kit.version(),
                RuleCatalogue.bundled(),
                Interpretations.bundled(),
                FeatureBook.parse(kit.featureFiles()),
                certified);
        return new Site(content, texts);
    }

    public SiteContent content() {
        return content;
    }

    /** The file that marks a folder as a site this class wrote, so that writing there again may replace it. */
    public static final String MARKER = ".gmck-site";

    /**
     * Writes every page into {@code out}; returns how many files were written. A folder that holds an earlier
     * site (it has the {@link #MARKER} file) is emptied first, so that no page of an implementation no longer
     * given stays behind; a non-empty folder without the marker is refused and left as it is.
     */
    public int write(Path out) {
        clear(out);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", HomePage.render(content));
        files.put("matrix.html", MatrixPage.render(content));
        files.put("features.html", FeaturesIndexPage.render(content));
        files.put("pictures.html", PicturesPage.render(content, featureTexts));
        content.rulesByProfile()
                .forEach((profile, rules) ->
                        files.put(Html.profilePage(profile.id()), ProfilePage.render(profile, rules, content)));
        content.catalogue().rules().forEach(r -> files.put(Html.rulePage(r.id()), RulePage.render(r, content)));
        content.features().features().forEach(f -> files.put(f.page(), FeaturePage.render(f, content)));
        for (Certified c : content.implementations()) {
            files.put(Html.implementationPage(c.slug()), ImplementationPage.render(c, content));
            files.put("implementations/" + c.slug() + ".report.json", c.json());
        }
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = out.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(out.resolve("assets"));
            for (String asset : ASSETS) {
                try (InputStream in = Site.class.getResourceAsStream(asset)) {
                    if (in == null) {
                        throw new IllegalStateException(asset + " is not on the class path");
                    }
                    Files.write(out.resolve("assets").resolve(asset), in.readAllBytes());
                }
            }
            Files.writeString(
                    out.resolve(MARKER),
                    "A site written by gmck site: writing a site here again replaces this folder's contents.\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.size() + ASSETS.size();
    }

    /** Empties a folder that holds an earlier site; refuses a non-empty one that does not. */
    private static void clear(Path out) {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isRegularFile(out.resolve(MARKER))) {
            throw new IllegalStateException(out + " is not empty and holds no site written before (no " + MARKER
                    + " file): give an empty or new folder");
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(out)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
