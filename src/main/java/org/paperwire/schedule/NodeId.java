package org.paperwire.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The name one running Paperwire (a node) holds leases and claims outbox rows under:
 * {@code pid@host/start-instant#tag}, e.g. {@code 4711@web-2/2026-06-30T10:00:00.123Z#3fa2}. Process ids repeat
 * across machines and the start instant guards only against a recycled pid, so the host is part of it; the
 * random tag tells apart two instances in one JVM (tests run several "nodes" in one). Shown on {@code /healthz}.
 *
 * @param value the name as stored in {@code leases.holder} and the outboxes' {@code claimed_by}
 */
public record NodeId(String value) {
    /** A new name for this process on this host. */
    public static NodeId create() {
        ProcessHandle self = ProcessHandle.current();
        return new NodeId(self.pid() + "@" + localHost() + "/" + start(self) + "#"
                + HexFormat.of().toHexDigits((short) new SecureRandom().nextInt()));
    }

    /**
     * Whether the holder named {@code other} may still run, to hand on its outbox rows at once when it surely
     * does not. Only a holder on this host can be checked (its pid is gone, or belongs to a process started at
     * another time); one on another host may run, and its rows wait for their lease to run out. A name without a
     * host ({@code pid@start}, written before issue 11, when the store was one machine's SQLite) is on this host.
     */
    public boolean mayBeRunning(String other) {
        if (other.equals(value)) {
            return true;
        }
        int at = other.indexOf('@');
        int slash = other.indexOf('/', at + 1);
        if (at <= 0) {
            return false;
        }
        String start;
        if (slash < 0) {
            start = other.substring(at + 1); // pid@start, before issue 11
        } else {
            if (!other.substring(at + 1, slash).equals(host())) {
                return true;
            }
            int hash = other.indexOf('#', slash);
            start = other.substring(slash + 1, hash < 0 ? other.length() : hash);
        }
        Optional<ProcessHandle> handle = parsePid(other.substring(0, at)).flatMap(ProcessHandle::of);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        // unknown start time: assume it runs; the row's lease hands it on later if that was wrong
        return start.equals("?") || start(handle.get()).equals("?") || start(handle.get()).equals(start);
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String start(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("?");
    }

    /** This node's host, as its name says (read once at {@link #create}: a host name lookup can be slow). */
    private String host() {
        int at = value.indexOf('@');
        int slash = value.indexOf('/', at + 1);
        return at < 0 || slash < 0 ? "" : value.substring(at + 1, slash);
    }

    /** The host name; "localhost" where it cannot be found (then only one machine should share the store). */
    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName().replace('/', '-').replace('#', '-');
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
