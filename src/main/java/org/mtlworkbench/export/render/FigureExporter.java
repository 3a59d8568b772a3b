package org.mtlworkbench.export.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.mtlworkbench.export.AtomicFiles;

/** Writes a {@link Figure} to PNG, SVG or PDF at a chosen size, through the same drawing routine as the screen. */
public final class FigureExporter {

    /** The file formats; the file extension is the lower-case name. */
    public enum Format {
        PNG, SVG, PDF;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format named by a file's extension. */
        public static Format ofFile(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (n.endsWith("." + f.extension())) {
                    return f;
                }
            }
            throw new IllegalArgumentException(file + ": expected a .png, .svg or .pdf file name");
        }
    }

    private FigureExporter() {
    }

    /** Writes {@code figure} at {@code width} × {@code height} (pixels for PNG, points for SVG and PDF). */
    public static void write(Figure figure, Format format, int width, int height, Path file) throws IOException {
        if (width < 16 || height < 16 || width > 20_000 || height > 20_000) {
            throw new IllegalArgumentException("figure size " + width + " × " + height + " is outside 16..20000");
        }
        figure.clearHover();
        Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
        switch (format) {
            case PNG -> {
                BufferedImage img = png(figure, width, height);
                AtomicFiles.write(file, out -> {
                    if (!ImageIO.write(img, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
            }
            case SVG -> {
                SVGGraphics2D g = new SVGGraphics2D(width, height);
                figure.draw(g, area);
                String svg = g.getSVGDocument();
                g.dispose();
                AtomicFiles.write(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
            }
            case PDF -> {
                PDFDocument doc = new PDFDocument();
                doc.setTitle(figure.title());
                doc.setAuthor("MTL Workbench");
                Page page = doc.createPage(area);
                PDFGraphics2D g = page.getGraphics2D();
                figure.draw(g, area);
                byte[] bytes = doc.getPDFBytes();
                AtomicFiles.write(file, out -> out.write(bytes));
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Writes by the file's extension (.png, .svg, .pdf). */
    public static void write(Figure figure, int width, int height, Path file) throws IOException {
        write(figure, Format.ofFile(file), width, height, file);
    }

    /** The figure as an image (white background), e.g. for the clipboard or a screenshot. */
    public static BufferedImage png(Figure figure, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            figure.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }
}
