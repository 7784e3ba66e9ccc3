package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.iisdiag.TestPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README sample's HTML report as a person sees it, in headless Chromium: on screen the timeline
 * chart is drawn, and printed to PDF the evidence that sits in closed {@code <details>} is on paper.
 * Skipped where Chromium is not installed ({@code .ci/run} installs it); pictures and PDFs go to the
 * build folder.
 */
class HtmlReportInChromiumIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;
    /** The chart's HTTP.sys (#7a2e9e) and IIS 4xx (#dc6803) bars: colours nothing else on the page uses. */
    private static final int[][] CHART_COLOURS = {{0x7a, 0x2e, 0x9e}, {0xdc, 0x68, 0x03}};

    private static Path out;
    private static Path html;

    @BeforeAll
    static void renderReport() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (apt-get install chromium): the print and screenshot checks of the HTML report are skipped");
        out = Path.of(System.getProperty("iisdiag.buildDir", "target")).resolve("chromium");
        Files.createDirectories(out);
        CliRun run = CliRun.withPack("diagnose", TestPack.cases().resolve("503-rapid-fail").toString(), "--format", "html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        html = out.resolve("503-rapid-fail.html");
        Files.writeString(html, run.out());
    }

    @Test
    void theTimelineChartIsDrawn() throws Exception {
        Path png = out.resolve("503-rapid-fail.png");
        Files.deleteIfExists(png);
        // tall enough that the chart, under the verdict, is on the first screen
        chromium("--window-size=1200,2400", "--hide-scrollbars", "--screenshot=" + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("no screenshot at " + png).isNotNull();
        int chart = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (isChartColour(image.getRGB(x, y))) {
                    chart++;
                }
            }
        }
        // the sample's chart has hundreds of bars; a missing or unstyled chart has none of these pixels
        assertThat(chart).as("pixels of timeline bars in " + png).isGreaterThan(500);
    }

    @Test
    void printingKeepsTheEvidenceOfClosedDetails() throws Exception {
        Path pdf = out.resolve("503-rapid-fail.pdf");
        Files.deleteIfExists(pdf);
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf);
        assertThat(pdf).exists();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        String page = Files.readString(html);
        // sample lines and a Verify item the page keeps in closed <details> (not "open")
        for (String inside : List.of("HTTPERR/httperr1.log:190", "W3SVC2/u_ex240304.log.gz:15363",
                "The pool stays Started for longer than the rapid-fail interval")) {
            int at = page.indexOf(inside);
            assertThat(at).as(inside + " in the page").isPositive();
            int details = page.lastIndexOf("<details", at);
            assertThat(details).as(inside + " sits in <details>").isGreaterThan(page.lastIndexOf("</details>", at));
            assertThat(page.startsWith("<details open", details)).as(inside + " sits in a closed <details>").isFalse();
            assertThat(text.replaceAll("\\s+", " ")).as("printed PDF " + pdf).contains(inside);
        }
    }

    private static boolean isChartColour(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        for (int[] c : CHART_COLOURS) {
            if (Math.abs(r - c[0]) <= 8 && Math.abs(g - c[1]) <= 8 && Math.abs(b - c[2]) <= 8) {
                return true;
            }
        }
        return false;
    }

    /** Runs headless Chromium on the report with {@code args}; a container needs no sandbox and no GPU. */
    private static void chromium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + out.resolve("profile")));
        cmd.addAll(List.of(args));
        cmd.add(html.toUri().toString());
        File log = out.resolve("chromium.log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Chromium did not finish in " + TIMEOUT_SECONDS + " s; see " + log);
        }
        assertThat(p.exitValue()).as("Chromium's exit code; see " + log).isZero();
    }
}
