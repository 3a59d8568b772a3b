package org.mtlworkbench.export.render;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mtlworkbench.export.AtomicFiles;

/** The data behind a {@link CurveFigure} as tidy CSV: {@code curve,step,value,smoothed}, one row per point. */
public final class CurveCsv {

    private CurveCsv() {
    }

    public static void write(CurveFigure f, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("curve,step,value,smoothed\n");
            for (String name : f.names()) {
                List<double[]> raw = f.raw(name);
                double[][] smooth = f.smoothed(name);
                for (int i = 0; i < raw.size(); i++) {
                    w.write(quote(name) + "," + num(raw.get(i)[0]) + "," + Double.toString(raw.get(i)[1]) + ","
                            + Double.toString(smooth[i][1]) + "\n");
                }
            }
            w.flush();
        });
    }

    private static String num(double step) {
        return step == Math.rint(step) ? Long.toString((long) step) : Double.toString(step);
    }

    private static String quote(String s) {
        return s.matches("[^,\"\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
