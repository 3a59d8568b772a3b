package org.mtlworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;

/**
 * The "?" of the relatedness views: a one-screen explanation, per model, of what its views show and how to read
 * them. The text is a resource {@code explain/<model id>.md} (a heading line, paragraphs, **bold**), so a model
 * added later brings its own; models without one get the general {@code explain/default.md}.
 */
final class ExplainPanel {

    private ExplainPanel() {
    }

    /** The explanation's text for a model id (the general one when the model has none). */
    static String text(String modelId) {
        String t = modelId == null ? null : resource("explain/" + modelId + ".md");
        return t != null ? t : resource("explain/default.md");
    }

    static boolean hasOwn(String modelId) {
        return resource("explain/" + modelId + ".md") != null;
    }

    private static String resource(String name) {
        try (InputStream in = ExplainPanel.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The text laid out: the heading large, paragraphs apart, **bold** spans bold. */
    static TextFlow render(String markdown, double fontSize) {
        List<Node> parts = new ArrayList<>();
        for (String para : markdown.strip().split("\\n\\s*\\n")) {
            String p = para.strip();
            if (p.startsWith("#")) {
                Text h = new Text(p.replaceFirst("^#+\\s*", "") + "\n\n");
                h.setFont(Font.font(null, FontWeight.BOLD, fontSize * 1.3));
                parts.add(h);
                continue;
            }
            String[] spans = p.split("\\*\\*", -1);
            for (int i = 0; i < spans.length; i++) {
                Text t = new Text(spans[i].replace('\n', ' '));
                t.setFont(Font.font(null, i % 2 == 1 ? FontWeight.BOLD : FontWeight.NORMAL, fontSize));
                parts.add(t);
            }
            parts.add(new Text("\n\n"));
        }
        TextFlow flow = new TextFlow(parts.toArray(new Node[0]));
        flow.setId("explainText");
        flow.setLineSpacing(fontSize * 0.2);
        return flow;
    }

    /** Opens the explanation for {@code modelId} (non-modal, so the view stays in sight). */
    static Alert show(Window owner, String modelId, String modelName, double fontSize) {
        TextFlow flow = render(text(modelId), fontSize);
        flow.setPrefWidth(fontSize * 44);
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(fontSize * 30);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.setTitle("How to read the relatedness views");
        a.setHeaderText(modelName == null ? null : "What " + modelName + " shows");
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().setId("explainPanel");
        a.setResizable(true);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.show();
        return a;
    }
}
