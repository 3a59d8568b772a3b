package org.mtlworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.mtlworkbench.train.RunListener;
import org.mtlworkbench.train.TrainingSnapshot;

/** Prints a progress line to stderr at most twice a second, so long runs show they are alive. */
final class ConsoleProgress implements RunListener {

    private static final long INTERVAL_NANOS = 500_000_000L;
    private final PrintWriter err;
    private long lastPrint = System.nanoTime();

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onSnapshot(TrainingSnapshot s) {
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        StringBuilder sb = new StringBuilder("  step ").append(s.step());
        s.losses().entrySet().stream().findFirst().ifPresent(e ->
                sb.append(String.format(Locale.ROOT, "  %s %.6g", e.getKey(), e.getValue())));
        err.println(sb);
        err.flush();
    }
}
