package org.mtlworkbench.app;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.mtlworkbench.data.DataImportException;

/** Shows an import error with the file, line, column and the offending line's text. */
final class ImportErrorDialog {

    private ImportErrorDialog() {
    }

    /** Opens the dialog (not modal-blocking: the caller returns at once) and returns it. */
    static Alert show(Window owner, DataImportException e) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Import error");
        a.setHeaderText("Could not import " + (e.file() == null ? "the data" : e.file().getFileName()));
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("File"), id(new Label(e.file() == null ? "—" : e.file().toString()), "importErrorFile"));
        g.addRow(r++, new Label("Line"), id(new Label(e.line() > 0 ? Long.toString(e.line()) : "—"), "importErrorLine"));
        String col = e.column() > 0 ? e.column() + (e.columnName() != null ? " (" + e.columnName() + ")" : "") : "—";
        g.addRow(r++, new Label("Column"), id(new Label(col), "importErrorColumn"));
        Label problem = id(new Label(e.problem()), "importErrorProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        g.addRow(r++, new Label("Problem"), problem);
        if (e.offendingLine() != null) {
            TextArea line = new TextArea(e.offendingLine());
            line.setId("importErrorText");
            line.setEditable(false);
            line.setPrefRowCount(2);
            line.setWrapText(true);
            line.setStyle("-fx-font-family: monospace;");
            g.add(new Label("Offending line"), 0, r);
            g.add(line, 1, r);
        }
        a.getDialogPane().setContent(g);
        a.getDialogPane().setId("importErrorDialog");
        a.show();
        return a;
    }

    private static <T extends javafx.scene.Node> T id(T n, String id) {
        n.setId(id);
        return n;
    }
}
