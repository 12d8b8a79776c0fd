package org.paperwire.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * STARTTLS in front of GreenMail, whose SMTP server has no STARTTLS command (greenmail issue #135): greets, offers
 * STARTTLS, upgrades the connection with a real server certificate, then relays the encrypted session's plain text to
 * GreenMail's SMTP port, so that what the client sends after the handshake lands in GreenMail as usual.
 */
final class StartTlsFront implements AutoCloseable {
    private final ServerSocket server;
    private final SSLContext tls;
    private final int greenMailPort;

    StartTlsFront(SSLContext tls, int greenMailPort) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.tls = tls;
        this.greenMailPort = greenMailPort;
        Thread.ofVirtual().name("starttls-front").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> session(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void session(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            reply(out, "220 localhost ESMTP starttls-front");
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                if (verb.equals("EHLO") || verb.equals("HELO")) {
                    reply(out, "250-localhost\r\n250 STARTTLS");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    reply(out, "220 2.0.0 ready to start TLS");
                    relay(upgrade(client));
                    return;
                } else if (verb.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "530 5.7.0 must issue a STARTTLS command first");
                }
            }
        } catch (IOException e) {
            // the client went away or refused our certificate
        }
    }

    private SSLSocket upgrade(Socket client) throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client,
                client.getInetAddress().getHostAddress(), client.getPort(), true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        return secure;
    }

    /** GreenMail's greeting was already given by us: drop it, then copy both ways until either side ends. */
    private void relay(SSLSocket secure) throws IOException {
        try (secure; Socket back = new Socket(InetAddress.getLoopbackAddress(), greenMailPort)) {
            readLine(back.getInputStream());
            Thread toClient = Thread.ofVirtual().start(() -> copy(back, secure));
            copy(secure, back);
            toClient.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line, read byte by byte: nothing of a following TLS handshake may be consumed here. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
