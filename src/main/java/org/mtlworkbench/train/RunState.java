package org.mtlworkbench.train;

/** Where a {@link TrainingRun} is in its life. */
public enum RunState {
    /** Created, not started. */
    NEW,
    /** The worker thread is training. */
    RUNNING,
    /** The worker thread is blocked inside a report, waiting for resume, step or cancel. */
    PAUSED,
    /** The model's fit returned and the final evaluation is done. */
    COMPLETED,
    /** Stopped by the user; the result keeps the last reported state. */
    CANCELLED,
    /** The model (or the evaluation) threw; the result keeps the error and the last good state. */
    FAILED;

    /** Whether the run has ended (COMPLETED, CANCELLED or FAILED). */
    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
