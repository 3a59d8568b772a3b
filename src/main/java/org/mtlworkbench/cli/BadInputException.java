package org.mtlworkbench.cli;

/** A user error found by a command (not by picocli's parser): reported on one line with exit code 2. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
