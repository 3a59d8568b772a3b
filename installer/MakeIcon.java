import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws assets/icon.svg as a PNG (no SVG renderer is needed on the build machine): three tasks joined through a
 * shared prior, in Okabe-Ito colours. Run from the project root: {@code java installer/MakeIcon.java 256
 * assets/icon.png}.
 */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0); // the SVG's 256x256 view box
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(0, 0, 256, 256, 80, 80));
        Color grey = new Color(0x444444);
        g.setColor(grey);
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(128, 128, 64, 72));
        g.draw(new Line2D.Double(128, 128, 192, 72));
        g.draw(new Line2D.Double(128, 128, 128, 200));
        circle(g, 128, 128, 26, grey);
        circle(g, 64, 72, 32, new Color(0x0072B2));
        circle(g, 192, 72, 32, new Color(0xD55E00));
        circle(g, 128, 200, 32, new Color(0x009E73));
        g.dispose();
        ImageIO.write(img, "png", new File(args[1]));
    }

    private static void circle(Graphics2D g, double cx, double cy, double r, Color c) {
        g.setColor(c);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }
}
