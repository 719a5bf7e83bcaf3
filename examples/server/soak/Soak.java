import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Abuses the local server's jar for a while and prints its thread count and resident memory (from
 * /proc/PID/status) before, during and after: slow bodies (heads that pass the head's checks, with a known access
 * key, and heads without credentials, then a byte every 5 s), hostile keep-alive requests read strictly (a status
 * line that is not {@code HTTP/1.1 NNN} is counted as malformed), and GET /health every 200 ms with a 1 s timeout.
 *
 * <pre>
 * ./mvnw -B -o package -pl examples/server -am -DskipTests
 * java [-Dsoak.jvmArgs="-Xmx256m ..."] examples/server/soak/Soak.java [minutes=5] [slow connections=300]
 *     [hostile clients=8] [server options...]
 * </pre>
 *
 * Linux only (/proc). Not part of the build: a run takes minutes and loads the machine.
 */
public final class Soak {

    private static final Path JAR = Path.of("examples/server/target/certificate-transfer-server.jar");
    private static final DateTimeFormatter AMZ = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3} .*");

    private static volatile boolean running = true;
    private static final Map<String, LongAdder> STATUSES = new ConcurrentHashMap<>();
    private static final LongAdder MALFORMED = new LongAdder();
    private static final LongAdder REQUESTS = new LongAdder();
    private static final LongAdder HEALTH_OK = new LongAdder();
    private static final LongAdder HEALTH_FAILED = new LongAdder();
    private static final AtomicLong HEALTH_MAX_MS = new AtomicLong();
    private static final LongAdder SLOW_OPENED = new LongAdder();
    private static final String CLOSED = "closed before a status line";
    private static final String MALFORMED_LINE = "malformed status line";

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int slow = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int hostile = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String jvmArg : System.getProperty("soak.jvmArgs", "").split(" ")) {
            if (!jvmArg.isBlank()) {
                command.add(jvmArg);
            }
        }
        command.addAll(List.of("-jar", JAR.toString(), "--port", "0"));
        var serverOptions = List.of(args).subList(Math.min(3, args.length), args.length);
        if (!serverOptions.contains("--store")) {
            command.addAll(List.of("--store", "memory"));
        }
        command.addAll(serverOptions);
        var out = Files.createTempFile("soak", ".out");
        var err = Files.createTempFile("soak", ".err");
        var server = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            int port = -1;
            String key = null;
            for (int i = 0; i < 600 && (port < 0 || key == null); i++) {
                Thread.sleep(100);
                for (String line : Files.readAllLines(out)) {
                    var listening = Pattern.compile("^listening on http://[^:]+:(\\d+)$").matcher(line);
                    if (listening.matches()) {
                        port = Integer.parseInt(listening.group(1));
                    }
                    var alice = Pattern.compile("^  alice\\(\\) \\{ AWS_ACCESS_KEY_ID=(\\S+) ").matcher(line);
                    if (alice.find()) {
                        key = alice.group(1);
                    }
                }
            }
            if (port < 0 || key == null) {
                throw new IllegalStateException("the server did not start: " + Files.readString(out));
            }
            long pid = server.pid();
            System.out.printf("server pid %d port %d, its log in %s; %d min, %d slow connections, %d hostile clients%n",
                    pid, port, err, minutes, slow, hostile);
            report("before", pid);
            var threads = new ArrayList<Thread>();
            for (int i = 0; i < slow; i++) {
                boolean signed = i % 2 == 0;
                threads.add(start(slowBody(port, signed ? key : null)));
            }
            for (int i = 0; i < hostile; i++) {
                threads.add(start(hostileClient(port)));
            }
            threads.add(start(health(port)));
            long end = System.nanoTime() + minutes * 60_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(30_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                report("during", pid);
            }
            running = false;
            for (var thread : threads) {
                thread.join(10_000);
            }
            Thread.sleep(5_000);
            report("after", pid);
            System.out.println("statuses " + new java.util.TreeMap<>(STATUSES));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void report(String when, long pid) throws IOException {
        String threads = "?";
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                threads = line.substring(8).strip();
            } else if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).strip();
            }
        }
        System.out.printf(
                "%s %-6s threads %s rss %s | slow opened %d | hostile requests %d, malformed status lines %d"
                        + " | health ok %d, failed %d, slowest %d ms%n",
                Instant.now(), when, threads, rss, SLOW_OPENED.sum(), REQUESTS.sum(), MALFORMED.sum(),
                HEALTH_OK.sum(), HEALTH_FAILED.sum(), HEALTH_MAX_MS.get());
    }

    /** A head (signed-looking with a known key, or no credentials), "{", then a space every 5 s; again when closed. */
    private static Runnable slowBody(int port, String key) {
        return () -> {
            while (running) {
                try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    SLOW_OPENED.increment();
                    var out = socket.getOutputStream();
                    out.write((head("POST", "/certificate/register-no-ca", key) + "Content-Length: 60000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    while (running) {
                        Thread.sleep(5_000);
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException closedByTheServer) {
                    pause(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        };
    }

    private static String head(String method, String path, String key) {
        var text = method + " " + path + " HTTP/1.1\r\nHost: x\r\n";
        if (key == null) {
            return text;
        }
        var now = AMZ.format(Instant.now());
        return text + "x-amz-date: " + now + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=" + key + "/"
                + now.substring(0, 8) + "/us-east-1/iot/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + "0".repeat(64) + "\r\n";
    }

    private static final String[] HOSTILE = {
        "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\n\r\n{\"certificatePem\":\"x\"}        ",
        "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":",
        "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n",
        "PATCH /cancel-certificate-transfer/abc HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n\r\n",
        "GET /certificates HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDX/1/2/3/4\r\n\r\n",
        "HEAD /certificates HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /nowhere/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "DELETE /health HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n{",
        "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\n\r\n",
    };

    /** Hostile requests over keep-alive, each response read strictly; a new connection when the server closes. */
    private static Runnable hostileClient(int port) {
        return () -> {
            while (running) {
                try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    socket.setSoTimeout(10_000);
                    var in = socket.getInputStream();
                    var out = socket.getOutputStream();
                    boolean open = true;
                    int previous = -1;
                    while (running && open) {
                        int pick = ThreadLocalRandom.current().nextInt(HOSTILE.length);
                        out.write(HOSTILE[pick].getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        REQUESTS.increment();
                        String ending = readResponse(in, HOSTILE[pick].startsWith("HEAD"));
                        open = ending.isEmpty();
                        if (ending.equals(CLOSED) || ending.equals(MALFORMED_LINE)) {
                            System.out.printf("  %s: request %d after request %d on one connection%n",
                                    ending, pick, previous);
                        }
                        previous = pick;
                    }
                } catch (IOException e) {
                    STATUSES.computeIfAbsent("io: " + e.getClass().getSimpleName(), k -> new LongAdder())
                            .increment();
                }
            }
        };
    }

    /**
     * Reads one final response and counts its status; answers "" when the connection stays open, else why it ends:
     * "close" (the response said so), {@link #CLOSED} or {@link #MALFORMED_LINE}.
     */
    private static String readResponse(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                STATUSES.computeIfAbsent(CLOSED, k -> new LongAdder()).increment();
                return CLOSED;
            }
            if (!STATUS_LINE.matcher(statusLine).matches()) {
                MALFORMED.increment();
                System.out.println("malformed status line: " + statusLine);
                return MALFORMED_LINE;
            }
            long length = 0;
            boolean close = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                var lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            String status = statusLine.substring(9, 12);
            if (status.equals("100")) {
                continue;
            }
            STATUSES.computeIfAbsent(status, k -> new LongAdder()).increment();
            if (!head) {
                in.readNBytes((int) length);
            }
            return close ? "close" : "";
        }
    }

    private static String line(InputStream in) throws IOException {
        var text = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return text.toString().stripTrailing();
            }
            text.append((char) b);
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static Runnable health(int port) {
        return () -> {
            while (running) {
                long started = System.nanoTime();
                try (var socket = new Socket()) {
                    socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                    socket.setSoTimeout(1_000);
                    socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.US_ASCII));
                    if (String.valueOf(reader.readLine()).startsWith("HTTP/1.1 200")) {
                        HEALTH_OK.increment();
                    } else {
                        HEALTH_FAILED.increment();
                    }
                } catch (IOException e) {
                    HEALTH_FAILED.increment();
                }
                HEALTH_MAX_MS.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                pause(200);
            }
        };
    }

    private static Thread start(Runnable task) {
        var thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
