package org.paperwire.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.paperwire.net.Cidr;
import org.paperwire.net.Hmac;

/**
 * Who is asking: the one place that turns a request into a client address and a client network, used by every
 * rate limit, vote cap and view count.
 *
 * <p>The socket peer is the client unless it lies in a trusted proxy block ({@code web.trusted-proxies}); only
 * then are {@code X-Forwarded-For} (or, when a request has none, RFC 7239 {@code Forwarded}) believed, read from
 * the right: the right-most address that is not itself a trusted proxy is the client. Whatever a client writes
 * into those headers sits to the left of what our proxies append, so it is never reached. A client's network is
 * its IPv4 address, or the /64 of its IPv6 address (one household or server usually holds a whole /64); the
 * network is what limits count, as an opaque id keyed with the instance secret so no address is ever stored.
 */
public final class ClientAddresses {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final List<Cidr> trustedProxies;
    private final Hmac hmac;

    public ClientAddresses(List<Cidr> trustedProxies, byte[] secret) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.hmac = new Hmac(secret);
    }

    /** The client's address as far as the trusted proxies vouch for it. */
    public InetAddress address(Context ctx) {
        InetAddress peer = Cidr.address(ctx.req().getRemoteAddr())
                .orElseThrow(() -> new IllegalStateException("socket peer is not an IP address: " + ctx.ip()));
        List<String> forwardedFor = headers(ctx, "X-Forwarded-For");
        return resolve(peer, forwardedFor.isEmpty() ? forwardedFor(headers(ctx, "Forwarded")) : hops(forwardedFor));
    }

    /** The client's network as an opaque, stable id (the same for every address in one IPv6 /64). */
    public String network(Context ctx) {
        return networkId(address(ctx));
    }

    /** The opaque id of the network {@code address} belongs to. */
    public String networkId(InetAddress address) {
        byte[] network = Cidr.clientNetwork(address).getAddress();
        byte[] bytes = network.length == 4 ? network : Arrays.copyOf(network, 8);
        byte[] digest = hmac.sign("network|" + HexFormat.of().formatHex(bytes));
        return B64.encodeToString(Arrays.copyOf(digest, 16));
    }

    /**
     * The client behind {@code peer}: {@code hops} are the forwarded addresses, the nearest last. Walking from the
     * right, each trusted proxy passes us on to the address it names; the first that is not trusted is the
     * client. A hop that is no address ("unknown", garbage) stops the walk at the proxy that wrote it.
     */
    InetAddress resolve(InetAddress peer, List<String> hops) {
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
            Optional<InetAddress> hop = Cidr.address(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> headers(Context ctx, String name) {
        return Collections.list(ctx.req().getHeaders(name));
    }

    /** X-Forwarded-For: comma-separated addresses, some proxies adding a port ({@code 192.0.2.1:4711}). */
    static List<String> hops(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String hop : value.split(",", -1)) {
                hops.add(withoutPort(hop.strip()));
            }
        }
        return hops;
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=http, for="[2001:db8::17]:4711"}; elements without for= are skipped. */
    static List<String> forwardedFor(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String element : split(value, ',')) {
                for (String pair : split(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        hops.add(withoutPort(unquote(pair.substring(eq + 1).strip())));
                    }
                }
            }
        }
        return hops;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code [2001:db8::1]:443} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
