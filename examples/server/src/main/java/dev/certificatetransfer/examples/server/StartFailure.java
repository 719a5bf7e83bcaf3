package dev.certificatetransfer.examples.server;

import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;

/**
 * Why the local server could not start, in words for the person who started it: one line naming what failed and
 * its root cause, never a stack trace.
 */
public final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * User information in a URL or host name ({@code user:password@}), as a driver may echo it: up to the last
     * {@code @} before the host, since a password may contain {@code @} itself.
     */
    private static final Pattern USER_INFO = Pattern.compile("[^\\s/@:;?&,'\"]+:[^\\s/;?&,'\"]*@");

    /** A password given as a URL or connection parameter ({@code password=...}, {@code PASSWORD=...}). */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)\\b(password|pwd)=[^;&'\"\\r\\n]*");

    StartFailure(String message, Throwable cause) {
        super(withoutSecrets(message), cause);
    }

    StartFailure(String message) {
        super(withoutSecrets(message));
    }

    /**
     * The message with any password a database driver or a URL put into it masked: a failed start prints this on
     * stderr, where a password must never appear.
     */
    static String withoutSecrets(String message) {
        String masked = USER_INFO.matcher(message).replaceAll("****@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1=****");
    }

    /** The failure as it is, or, for anything else that went wrong while starting, its root cause in words. */
    static StartFailure of(RuntimeException e) {
        return e instanceof StartFailure failure ? failure : new StartFailure(describe(e), e);
    }

    /** The HTTP server did not start listening on {@code bind}:{@code port}. */
    static StartFailure cannotListen(RuntimeException e, String bind, int port) {
        if (causedBy(e, BindException.class)) {
            String cause = describe(e);
            return new StartFailure(
                    "cannot listen on " + bind + ":" + port + ": " + cause
                            + (cause.contains("already in use")
                                    ? " (is another server using the port? try --port 0)"
                                    : ""),
                    e);
        }
        if (causedBy(e, UnresolvedAddressException.class)) {
            return new StartFailure("cannot listen on " + bind + ": no such host or address", e);
        }
        return new StartFailure("the HTTP server did not start: " + describe(e), e);
    }

    /** The root cause's first line, or, for a file the database could not create, which file and why. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof FileSystemException files) {
            String why = files.getReason() != null
                    ? files.getReason()
                    : root instanceof AccessDeniedException
                            ? "permission denied"
                            : root instanceof NoSuchFileException
                                    ? "no such directory"
                                    : root.getClass().getSimpleName();
            return "cannot create or write " + files.getFile() + " (" + why + ")";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
