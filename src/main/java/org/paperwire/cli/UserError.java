package org.paperwire.cli;

/** A mistake in what the user asked for; printed as one line without a stack trace, exit status 2. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
