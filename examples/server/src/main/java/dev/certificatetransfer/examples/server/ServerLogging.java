package dev.certificatetransfer.examples.server;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local server's log settings (slf4j-simple, on standard error): the level asked for, with times; the
 * libraries' own chatter kept down. A setting already given as a system property ({@code -Dorg.slf4j...}) wins.
 */
final class ServerLogging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    /**
     * The PostgreSQL driver logs through java.util.logging, straight to standard error, and its warnings about a
     * URL quote the URL's text, {@code user:password@} included; held here because java.util.logging keeps its
     * loggers only weakly and would forget the level set on one.
     */
    private static final Logger POSTGRESQL_DRIVER = Logger.getLogger("org.postgresql");

    private ServerLogging() {}

    /** Sets the log level ({@code error} … {@code trace}); call it before the first logger is created. */
    static void configure(String level) {
        setIfAbsent(PREFIX + "defaultLogLevel", level);
        setIfAbsent(PREFIX + "showDateTime", "true");
        setIfAbsent(PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
        // The libraries never go below info, whatever the level: at debug and trace Jetty logs every request's
        // headers (Authorization: bearer tokens, replayable signatures) and Hikari its configuration (a JDBC URL
        // with its password). At trace they say what they do at info; otherwise only their warnings.
        String libraries = level.equals("error") ? "error" : level.equals("trace") ? "info" : "warn";
        for (String library : List.of("org.eclipse.jetty", "org.flywaydb", "org.h2")) {
            setIfAbsent(PREFIX + "log." + library, libraries);
        }
        // The HTTP server's bounded queue is a limit chosen on purpose: Jetty warns of it at every start, and logs a
        // stack trace for each task it sheds when full (the connection is closed: the limit at work, under an attack
        // once per request).
        for (String limit : List.of(
                "org.eclipse.jetty.util.thread.QueuedThreadPool",
                "org.eclipse.jetty.util.thread.strategy.AdaptiveExecutionStrategy")) {
            setIfAbsent(PREFIX + "log." + limit, level.equals("trace") ? "info" : "error");
        }
        // Jetty's parser warns of a malformed request quoting what the client sent (a duplicate Host header, say):
        // text an attacker chooses, once per request
        setIfAbsent(PREFIX + "log.org.eclipse.jetty.http.HttpParser", "error");
        // the pool repeats, with a stack trace, the failures the server reports in its own words
        setIfAbsent(PREFIX + "log.com.zaxxer.hikari", level.equals("trace") ? "info" : "off");
        // the driver's own log is off at every level (a level set in a java.util.logging configuration wins): the
        // server reports a database it cannot open in its own words, without the password
        if (POSTGRESQL_DRIVER.getLevel() == null) {
            POSTGRESQL_DRIVER.setLevel(Level.OFF);
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
