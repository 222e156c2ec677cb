package dev.fonte.store;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Redis server for tests: Debian's {@code redis-server} (installed by {@code .ci/run}), started on a free
 * loopback port with nothing saved to disk, and stopped when closed. Tests that need it assume {@link #available()},
 * each of them, so that they are reported as skipped, with {@link #MISSING} as the reason, where it is not installed.
 */
public final class RedisServer implements AutoCloseable {

    public static final String MISSING = "redis-server is not installed (Debian's redis-server package; .ci/run "
            + "installs it): the tests against a real Redis are skipped";

    private final Process process;
    private final int port;
    private final Path folder;

    private RedisServer(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    public static boolean available() {
        return binary().isPresent();
    }

    private static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/sbin"))
                .map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable).findFirst();
    }

    /** Starts a server and waits until it answers PING. */
    public static RedisServer start() throws IOException, InterruptedException {
        Path redis = binary().orElseThrow(() -> new IllegalStateException(MISSING));
        Path folder = Files.createTempDirectory("fonte-redis");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(redis.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", folder.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("redis.log").toFile()).start();
        RedisServer server = new RedisServer(process, port, folder);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!server.pings()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("redis-server did not start: "
                        + Files.readString(folder.resolve("redis.log")));
            }
            Thread.sleep(20);
        }
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private boolean pings() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            return in.read(reply) > 0 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
