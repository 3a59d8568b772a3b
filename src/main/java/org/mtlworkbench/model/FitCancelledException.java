package org.mtlworkbench.model;

/** Thrown out of {@link FitContext#report} or {@link FitContext#checkCancelled} when the user stopped the run. */
public final class FitCancelledException extends RuntimeException {
    public FitCancelledException() {
        super("training was cancelled", null, false, false);
    }
}
