package org.mtlworkbench.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mtlworkbench.export.MatrixCsv;
import org.mtlworkbench.export.NewickFile;
import org.mtlworkbench.export.render.AllocationRenderer;
import org.mtlworkbench.export.render.CurveCsv;
import org.mtlworkbench.export.render.CurveFigure;
import org.mtlworkbench.export.render.DendrogramRenderer;
import org.mtlworkbench.export.render.Figure;
import org.mtlworkbench.export.render.FigureExporter;
import org.mtlworkbench.export.render.HeatmapRenderer;
import org.mtlworkbench.export.render.SparsityBarsRenderer;

/** The export dialogs: a figure to PNG/SVG/PDF at a chosen size, the data behind it to CSV (trees to Newick). */
final class Exports {

    /** Chosen format and size. */
    record FigureChoice(FigureExporter.Format format, int width, int height) {
    }

    private Exports() {
    }

    /** Asks for format, size and file, then writes; errors are shown, not thrown. */
    static void exportFigure(Window owner, Figure f, double screenW, double screenH) {
        Optional<FigureChoice> choice = askFormatAndSize(owner, (int) Math.max(400, screenW),
                (int) Math.max(300, screenH));
        if (choice.isEmpty()) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export figure");
        String ext = choice.get().format().extension();
        fc.setInitialFileName(org.mtlworkbench.export.Slugs.slug(f.title()) + "." + ext);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(), "*." + ext));
        File file = fc.showSaveDialog(owner);
        if (file != null) {
            run(owner, () -> FigureExporter.write(f, choice.get().format(), choice.get().width(),
                    choice.get().height(), file.toPath()));
        }
    }

    static Optional<FigureChoice> askFormatAndSize(Window owner, int w, int h) {
        Dialog<FigureChoice> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Export figure");
        d.setHeaderText("Format and size (pixels for PNG, points for SVG and PDF)");
        ComboBox<FigureExporter.Format> format = new ComboBox<>();
        format.getItems().setAll(FigureExporter.Format.values());
        format.setValue(FigureExporter.Format.PNG);
        Spinner<Integer> width = new Spinner<>(16, 20_000, w, 100);
        Spinner<Integer> height = new Spinner<>(16, 20_000, h, 100);
        width.setEditable(true);
        height.setEditable(true);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("format"), format);
        g.addRow(1, new Label("width"), width);
        g.addRow(2, new Label("height"), height);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK
                ? new FigureChoice(format.getValue(), width.getValue(), height.getValue()) : null);
        return d.showAndWait();
    }

    /** The extension for a figure's data: Newick for trees, CSV otherwise. */
    static String dataExtension(Figure f) {
        return f instanceof DendrogramRenderer ? "nwk" : "csv";
    }

    /** Writes the data behind {@code f} to {@code file}. */
    static void writeData(Figure f, Path file) throws IOException {
        if (f instanceof CurveFigure c) {
            CurveCsv.write(c, file);
        } else if (f instanceof HeatmapRenderer h) {
            MatrixCsv.write(h.matrix(), file);
        } else if (f instanceof AllocationRenderer a) {
            MatrixCsv.write(a.allocation(), file);
        } else if (f instanceof SparsityBarsRenderer s) {
            MatrixCsv.write(s.sparsity(), file);
        } else if (f instanceof DendrogramRenderer d) {
            NewickFile.write(d.tree(), file);
        } else {
            throw new IllegalArgumentException("no data export for " + f.title());
        }
    }

    static void exportData(Window owner, Figure f) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export data");
        String ext = dataExtension(f);
        fc.setInitialFileName(org.mtlworkbench.export.Slugs.slug(f.title()) + "." + ext);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.equals("nwk") ? "Newick" : "CSV", "*." + ext));
        File file = fc.showSaveDialog(owner);
        if (file != null) {
            run(owner, () -> writeData(f, file.toPath()));
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    static void run(Window owner, IoAction a) {
        try {
            a.run();
        } catch (IOException | RuntimeException e) {
            error(owner, "Export failed", e.getMessage());
        }
    }

    static void error(Window owner, String header, String text) {
        Alert al = new Alert(Alert.AlertType.ERROR, text);
        if (owner != null) {
            al.initOwner(owner);
        }
        al.setHeaderText(header);
        al.show();
    }

    static void info(Window owner, String header, List<Path> files) {
        Alert al = new Alert(Alert.AlertType.INFORMATION, files.size() + " files written to "
                + (files.isEmpty() ? "" : files.get(0).getParent()));
        if (owner != null) {
            al.initOwner(owner);
        }
        al.setHeaderText(header);
        al.show();
    }
}
