package dev.certificatetransfer.adapter.http.auth;

/** A credentials file that cannot be loaded; the message names the line and never holds a secret or a token. */
public final class CredentialsFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    CredentialsFileException(int lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /**
     * Where the file is at fault.
     *
     * @return the 1-based line number
     */
    public int lineNumber() {
        return lineNumber;
    }
}
