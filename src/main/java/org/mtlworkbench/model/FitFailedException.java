package org.mtlworkbench.model;

/** A fit that cannot go on: a NaN loss, a singular matrix that no jitter fixes, data the model cannot take. */
public class FitFailedException extends RuntimeException {
    public FitFailedException(String message) {
        super(message);
    }

    public FitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
