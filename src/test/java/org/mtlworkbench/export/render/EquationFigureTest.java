package org.mtlworkbench.export.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The equation renderer typesets real mathematics (ink where the formula is, wider for longer formulas). */
class EquationFigureTest {

    private static int inkColumns(BufferedImage img) {
        int cols = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) >>> 24) > 128) {
                    cols++;
                    break;
                }
            }
        }
        return cols;
    }

    @Test
    void typesetsAFormulaAndALongerOneIsWider() {
        EquationFigure short1 = new EquationFigure("eq", "\\alpha");
        EquationFigure longer = new EquationFigure("eq", "\\mathbf{w}_i \\sim \\mathcal{N}(\\mathbf{m}, \\Sigma)");
        assertThat(longer.naturalWidth()).isGreaterThan(3 * short1.naturalWidth());
        BufferedImage img = longer.toImage(1);
        assertThat(inkColumns(img)).isGreaterThan(img.getWidth() / 2);
        assertThat(inkColumns(img)).isLessThanOrEqualTo(img.getWidth());
    }

    @Test
    void fitsTheAreaAndDrawsInTheGivenColour() {
        EquationFigure f = new EquationFigure("eq", "\\frac{a}{b}").withColor(Color.RED);
        BufferedImage img = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        f.draw(g, new Rectangle2D.Double(0, 0, 400, 200));
        g.dispose();
        int red = 0;
        for (int x = 0; x < 400; x++) {
            for (int y = 0; y < 200; y++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80) {
                    red++;
                }
            }
        }
        assertThat(red).isGreaterThan(20);
        assertThat(img.getRGB(2, 2)).isEqualTo(Color.WHITE.getRGB()); // centred, not in the corner
    }

    @Test
    void badLatexIsAClearError() {
        assertThatThrownBy(() -> new EquationFigure("eq", "\\nosuchcommand x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid LaTeX", "nosuchcommand");
    }
}
