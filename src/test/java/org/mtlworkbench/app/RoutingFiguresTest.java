package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.export.render.AllocationRenderer;
import org.mtlworkbench.export.render.Figure;
import org.mtlworkbench.export.render.HeatmapRenderer;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.relatedness.RelatednessView;

/** The routing model's views go through the relatedness pane's existing renderers: a heatmap and allocation grids. */
class RoutingFiguresTest {

    @Test
    void sharingIsAHeatmapAndEveryLayerAnAllocationGrid() {
        ModelFactory f = ModelRegistry.load().get("gumbel-routing");
        MultiTaskDataset data = Scenarios.get("conflicting").generate(Scenarios.DEFAULT_SEED).dataset();
        List<RelatednessView> views = f.create(f.defaults().withText("steps", "5")).fit(data, FitContext.headless(1))
                .relatedness();
        assertThat(views).hasSize(3);
        for (RelatednessView v : views) {
            Figure fig = Figures.of(v, true, GroundTruth.NONE);
            assertThat(fig).isInstanceOf(views.indexOf(v) == 0 ? HeatmapRenderer.class : AllocationRenderer.class);
            BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            fig.draw(g, new Rectangle2D.Double(0, 0, 400, 300));
            g.dispose();
            int drawn = 0;
            for (int x = 0; x < 400; x += 4) {
                for (int y = 0; y < 300; y += 4) {
                    drawn += (img.getRGB(x, y) >>> 24) != 0 ? 1 : 0;
                }
            }
            assertThat(drawn).as(v.title()).isGreaterThan(100);
        }
    }
}
