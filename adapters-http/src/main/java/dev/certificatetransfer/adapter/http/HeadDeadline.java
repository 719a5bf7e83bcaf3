package dev.certificatetransfer.adapter.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A deadline for each request's head: a connection must deliver a complete request line and headers within the read
 * timeout of its opening or of its previous answer, or it is closed. Jetty's idle timeout alone restarts with every
 * byte, so a client sending one header byte every few seconds would hold its connection forever, and enough of them
 * fill the connection limit and lock everyone out. The deadline is armed when a connection opens and after each
 * answer, and disarmed while a request is being handled (its body has a deadline of its own, in
 * {@link JettyBinding}).
 */
final class HeadDeadline extends Handler.Wrapper {

    private final Connector connector;
    private final long deadlineMillis;
    private final Map<Connection, Scheduler.Task> armed = new ConcurrentHashMap<>();

    HeadDeadline(Handler handler, Connector connector, Duration deadline) {
        super(handler);
        this.connector = connector;
        this.deadlineMillis = deadline.toMillis();
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                arm(connection);
            }

            @Override
            public void onClosed(Connection connection) {
                disarm(connection);
            }
        });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var connection = request.getConnectionMetaData().getConnection();
        disarm(connection);
        return super.handle(request, response, new Callback() {
            @Override
            public void succeeded() {
                arm(connection); // before Jetty parses a pipelined request, whose handling disarms it again
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                arm(connection);
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        });
    }

    private void arm(Connection connection) {
        if (!connection.getEndPoint().isOpen()) {
            return;
        }
        armed.compute(connection, (key, previous) -> {
            if (previous != null) {
                previous.cancel();
            }
            return connector.getScheduler().schedule(() -> expire(key), deadlineMillis, TimeUnit.MILLISECONDS);
        });
    }

    private void disarm(Connection connection) {
        var task = armed.remove(connection);
        if (task != null) {
            task.cancel();
        }
    }

    private void expire(Connection connection) {
        if (armed.remove(connection) != null) {
            connection.getEndPoint().close();
        }
    }
}
