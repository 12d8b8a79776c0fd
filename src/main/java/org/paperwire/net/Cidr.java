package org.paperwire.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IP addresses such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block of one.
 * Addresses are read as literals only: nothing here ever asks DNS.
 *
 * @param network the block's first address (host bits cleared)
 * @param prefix the number of leading bits that name the block
 */
public record Cidr(InetAddress network, int prefix) {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    public Cidr {
        network = mask(network, prefix);
    }

    /**
     * Reads {@code 192.0.2.0/24}, {@code 2001:db8::/48} or a single address.
     *
     * @throws IllegalArgumentException naming the text when it is not a CIDR block
     */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        Optional<InetAddress> address = address(slash < 0 ? s : s.substring(0, slash));
        if (address.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block such as"
                    + " 10.0.0.0/8 or 2001:db8::/32");
        }
        int bits = address.get().getAddress().length * 8;
        if (slash < 0) {
            return new Cidr(address.get(), bits);
        }
        String prefix = s.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            throw new IllegalArgumentException("'" + text + "' has an invalid prefix length (0 to " + bits + ")");
        }
        return new Cidr(address.get(), Integer.parseInt(prefix));
    }

    /** True when {@code address} lies in this block (IPv4 and IPv6 blocks never contain each other's addresses). */
    public boolean contains(InetAddress address) {
        return address.getClass() == network.getClass() && mask(address, prefix).equals(network);
    }

    /**
     * An IP address literal: dotted IPv4, or IPv6 with or without brackets (an IPv4-mapped IPv6 address reads
     * as its IPv4 address). Anything else, host names included, is empty; no lookup is ever made.
     */
    public static Optional<InetAddress> address(String text) {
        String s = text.strip();
        if (s.length() > 2 && s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean literal = s.indexOf(':') >= 0 ? IPV6.matcher(s).matches() : IPV4.matcher(s).matches();
        if (!literal) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s)); // a checked literal: parsed, never looked up
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first {@code bits} bits of the address, the rest cleared. */
    static InetAddress mask(InetAddress address, int bits) {
        byte[] bytes = address.getAddress();
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("prefix /" + bits + " does not fit " + address.getHostAddress());
        }
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    /** The /64 network of an IPv6 address (a household or a server gets one /64), an IPv4 address as is. */
    public static InetAddress clientNetwork(InetAddress address) {
        return address instanceof Inet4Address ? address : mask(address, 64);
    }
}
