package org.mtlworkbench.numeric;

/** A matrix that should be symmetric positive definite is not, even after adding jitter to its diagonal. */
public final class NotPositiveDefiniteException extends ArithmeticException {
    public NotPositiveDefiniteException(String message) {
        super(message);
    }
}
