package org.mtlworkbench.train;

import java.util.List;
import org.mtlworkbench.model.FittedModel;

/**
 * How a run ended.
 *
 * @param state      COMPLETED, CANCELLED or FAILED
 * @param model      the fitted model (COMPLETED), or the last state the model reported (CANCELLED, FAILED);
 *                   null when there is none
 * @param train      final metrics on the training rows (COMPLETED), the last computed ones otherwise; may be null
 * @param test       final metrics on the test rows, likewise
 * @param trace      one row per reported step; past {@link TrainingRun#TRACE_LIMIT} rows evenly thinned, the first
 *                   and the last step kept ({@link TraceBuffer})
 * @param provenance how the result came about
 * @param error      what made a FAILED run fail, else null
 */
public record RunResult(RunState state, FittedModel model, Evaluation train, Evaluation test, List<TraceRow> trace,
                        Provenance provenance, Throwable error) {
    public RunResult {
        trace = List.copyOf(trace);
    }
}
