package org.mtlworkbench.train;

/**
 * Told about a run's progress, on the run's worker thread (so a GUI listener must hand over to its own thread and
 * return quickly). An exception thrown by a listener is logged and does not stop the run.
 */
public interface RunListener {

    /** A new snapshot (every reported step, and the final one). */
    default void onSnapshot(TrainingSnapshot s) {
    }

    /** The run entered state {@code s}. */
    default void onStateChanged(RunState s) {
    }
}
