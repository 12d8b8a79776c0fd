package org.paperwire.db;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names a holder of leases in the store, e.g. {@code 4711@node-b#3fa2}: the process id and host say where it runs
 * (for an operator reading the lease tables), the random tag tells apart two holders in one process (tests start
 * two nodes in one JVM).
 */
public final class LeaseHolder {
    private LeaseHolder() {}

    /** A new holder name, different from every other this or another process makes. */
    public static String newName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return ProcessHandle.current().pid() + "@" + host + "#" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    }
}
