package org.paperwire.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several {@code paperwire serve} processes on this machine, each a JVM of its own with its own data folder, all
 * configured by environment variables (the store URL among them): the nodes of {@code bench cluster} and of the
 * cluster test. Each node's output goes to {@code node.log} in its data folder; a node is ready when it prints the
 * line that names its port.
 */
public final class ClusterNodes implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Paperwire is serving .* on http://localhost:(\\d+) ");

    /** One running node. */
    public record Node(int index, Process process, int port, Path dataDir) {
        public URI url() {
            return URI.create("http://localhost:" + port);
        }

        public Path log() {
            return dataDir.resolve("node.log");
        }
    }

    private final List<Node> nodes;

    private ClusterNodes(List<Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts {@code count} nodes with data folders {@code root/node-0 ...}, the given environment added to this
     * process's, and waits until every node serves.
     *
     * @param env settings shared by every node, e.g. {@code PAPERWIRE_STORE_URL}; each node gets its own
     *     {@code PAPERWIRE_DATA_DIR} and {@code PAPERWIRE_PORT=0}
     * @throws IllegalStateException naming the node and its log when one exits or is not ready within {@code ready}
     */
    public static ClusterNodes start(int count, Path root, Map<String, String> env, Duration ready) {
        List<Node> started = new ArrayList<>();
        List<CompletableFuture<Integer>> ports = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Path dataDir = root.resolve("node-" + i);
                Files.createDirectories(dataDir);
                ProcessBuilder pb = new ProcessBuilder(command()).redirectErrorStream(true);
                pb.environment().putAll(env);
                pb.environment().put("PAPERWIRE_DATA_DIR", dataDir.toString());
                pb.environment().put("PAPERWIRE_PORT", "0");
                Process p = pb.start();
                processes.add(p);
                ports.add(watch(p, dataDir.resolve("node.log")));
            }
            for (int i = 0; i < count; i++) {
                Path dataDir = root.resolve("node-" + i);
                try {
                    int port = ports.get(i).get(ready.toMillis(), TimeUnit.MILLISECONDS);
                    started.add(new Node(i, processes.get(i), port, dataDir));
                } catch (TimeoutException | ExecutionException e) {
                    throw new IllegalStateException("node " + i + " did not start serving within " + ready
                            + (processes.get(i).isAlive() ? "" : " (it exited with " + processes.get(i).exitValue() + ")")
                            + "; see " + dataDir.resolve("node.log"), e);
                }
            }
            return new ClusterNodes(List.copyOf(started));
        } catch (IOException e) {
            processes.forEach(Process::destroyForcibly);
            throw new UncheckedIOException("could not start a node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            processes.forEach(Process::destroyForcibly);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting nodes", e);
        } catch (RuntimeException e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
    }

    /** This JVM again, on this JVM's class path, running {@code paperwire ARGS}. */
    private static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "org.paperwire.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> command() {
        return command("serve");
    }

    /**
     * Runs the command {@code paperwire ARGS} beside node {@code i}: a JVM of its own with the node's settings and
     * data folder (as an operator would on that machine); its output goes to {@code command.log} there.
     *
     * @return its exit status
     * @throws IllegalStateException when it does not end within {@code timeout}
     */
    public int run(int i, Map<String, String> env, Duration timeout, String... args)
            throws IOException, InterruptedException {
        Node node = nodes.get(i);
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.dataDir().resolve("command.log").toFile()));
        pb.environment().putAll(env);
        pb.environment().put("PAPERWIRE_DATA_DIR", node.dataDir().toString());
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("'paperwire " + String.join(" ", args) + "' beside node " + i
                    + " did not end within " + timeout + "; see " + node.dataDir().resolve("command.log"));
        }
        return p.exitValue();
    }

    /** Copies the node's output to its log and completes with its port once it says it serves. */
    private static CompletableFuture<Integer> watch(Process p, Path log) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8));
                    Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                    Matcher m = SERVING.matcher(line);
                    if (!port.isDone() && m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process went away; the future below says so
            }
            port.completeExceptionally(new IllegalStateException("the node's output ended"));
        }, "node-output-" + log.getParent().getFileName());
        t.setDaemon(true);
        t.start();
        return port;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(int i) {
        return nodes.get(i);
    }

    /** Kills node {@code i} at once (SIGKILL, like {@code kill -9}): no shutdown hook runs. */
    public void kill(int i) throws InterruptedException {
        Process p = nodes.get(i).process();
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops every node still running (SIGTERM, then SIGKILL after a grace period). */
    @Override
    public void close() {
        for (Node n : nodes) {
            n.process().destroy();
        }
        for (Node n : nodes) {
            try {
                if (!n.process().waitFor(60, TimeUnit.SECONDS)) {
                    n.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                n.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
