package org.mtlworkbench.export.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Every figure to PNG, SVG and PDF: the files decode and carry the figure's labels. */
class FigureExporterTest {

    @TempDir
    Path tmp;

    static List<Figure> figures() {
        CurveFigure c = new CurveFigure("Loss terms", "loss");
        for (int i = 1; i <= 20; i++) {
            c.add("negative ELBO", i, 10.0 / i);
            c.add("KL(w)", i, 1.0 / i);
        }
        c.addMarker(10, "τ=0.5");
        return List.of(new HeatmapRenderer(RendererTest.blocks(), true), new DendrogramRenderer(RendererTest.tree()),
                c);
    }

    @Test
    void pngDecodesAtTheChosenSize() throws Exception {
        for (Figure f : figures()) {
            Path p = tmp.resolve("f.png");
            FigureExporter.write(f, 640, 480, p);
            BufferedImage img = ImageIO.read(p.toFile());
            assertThat(img.getWidth()).isEqualTo(640);
            assertThat(img.getHeight()).isEqualTo(480);
            // not blank: more than one colour
            int first = img.getRGB(0, 0);
            boolean varied = false;
            for (int y = 0; y < 480 && !varied; y += 7) {
                for (int x = 0; x < 640 && !varied; x += 7) {
                    varied = img.getRGB(x, y) != first;
                }
            }
            assertThat(varied).as(f.title()).isTrue();
        }
    }

    @Test
    void svgParsesAsXmlWithTheSizeAndLabels() throws Exception {
        List<List<String>> labels = List.of(List.of("a", "b", "c", "d", "co-assignment"),
                List.of("test tree", "merge height"), List.of("negative ELBO", "KL(w)", "Loss terms"));
        List<Figure> figs = figures();
        for (int k = 0; k < figs.size(); k++) {
            Path p = tmp.resolve("f" + k + ".svg");
            FigureExporter.write(figs.get(k), 800, 600, p);
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = dbf.newDocumentBuilder().parse(p.toFile());
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("width"))).isEqualTo(800);
            assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("height"))).isEqualTo(600);
            String text = doc.getDocumentElement().getTextContent();
            for (String l : labels.get(k)) {
                assertThat(text).as(figs.get(k).title()).contains(l);
            }
        }
    }

    @Test
    void pdfIsAOnePagePdfWithTheLabels() throws Exception {
        Path p = tmp.resolve("f.pdf");
        FigureExporter.write(new HeatmapRenderer(RendererTest.blocks(), false), 500, 400, p);
        byte[] bytes = Files.readAllBytes(p);
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(s).startsWith("%PDF-");
        assertThat(s.stripTrailing()).endsWith("%%EOF");
        assertThat(s).contains("/Type /Page", "/MediaBox [0.0 0.0 500.0 400.0]", "(co-assignment)");
    }

    @Test
    void formatFollowsTheExtensionAndSizesAreChecked() {
        assertThat(FigureExporter.Format.ofFile(Path.of("x.SVG"))).isEqualTo(FigureExporter.Format.SVG);
        assertThatThrownBy(() -> FigureExporter.Format.ofFile(Path.of("x.gif")))
                .hasMessageContaining(".png, .svg or .pdf");
        assertThatThrownBy(() -> FigureExporter.write(figures().get(0), 5, 400, tmp.resolve("x.png")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
