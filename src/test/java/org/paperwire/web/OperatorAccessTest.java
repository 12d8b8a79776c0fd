package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;

/**
 * Issue 9, finding 8: {@code /digest/status} and {@code /api/v1/digest/status} show the SMTP server and its
 * replies, so they answer only the operator: with {@code web.admin-token} set, to that token; without it, to
 * clients on loopback. The real server on port 0.
 */
class OperatorAccessTest {
    static final String TOKEN = "0123456789abcdef0123456789abcdef-operator";
    static final String API = "/api/v1/digest/status";
    static final String PAGE = "/digest/status";

    @TempDir
    Path dir;
    Paperwire app;
    WebServer web;
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    void start(String adminToken) {
        ConfigSources config = ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString());
        app = new Paperwire(TestConfigs.from(adminToken == null ? config
                : config.with(ConfigKey.WEB_ADMIN_TOKEN, adminToken)), Clock.systemUTC());
        web = WebApp.create(app);
        port = web.start(0);
    }

    @AfterEach
    void stop() {
        if (web != null) { // the header test starts no server
            web.close();
            app.close();
        }
    }

    HttpResponse<String> getFrom(String host, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return getFrom("127.0.0.1", path, headers);
    }

    static void assertJsonError(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).contains(detail);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutATokenTheStatusAnswersOnLoopback() throws Exception {
        start(null);
        assertThat(get(API).statusCode()).isEqualTo(200);
        assertThat(get(PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenARequestThroughAProxyIsRefused() throws Exception {
        start(null);
        // a reverse proxy on the same machine connects from loopback: its forwarding header gives it away
        assertJsonError(get(API, "X-Forwarded-For", "203.0.113.9"), 403, "web.admin-token");
        assertJsonError(get(API, "Forwarded", "for=203.0.113.9"), 403, "loopback");
        assertThat(get(PAGE, "X-Real-IP", "203.0.113.9").statusCode()).isEqualTo(403);
    }

    @Test
    void withoutATokenAClientOnAnotherInterfaceIsRefused() throws Exception {
        Optional<String> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address to connect from");
        start(null);
        assertJsonError(getFrom(address.get(), API), 403, "web.admin-token");
    }

    @Test
    void withATokenEvenLoopbackMustShowIt() throws Exception {
        start(TOKEN);
        HttpResponse<String> none = get(API);
        assertJsonError(none, 401, "Authorization: Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.body()).doesNotContain("SMTP").doesNotContain(".eml");
    }

    @Test
    void withATokenTheApiAnswersTheBearerOfIt() throws Exception {
        start(TOKEN);
        HttpResponse<String> ok = get(API, "Authorization", "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(ok.body()).has("counts")).isTrue();
    }

    @Test
    void aWrongOrTruncatedTokenIsRefused() throws Exception {
        start(TOKEN);
        assertJsonError(get(API, "Authorization", "Bearer " + TOKEN.substring(1)), 401, "wrong token");
        assertJsonError(get(API, "Authorization", "Bearer " + TOKEN + "x"), 401, "wrong token");
        assertJsonError(get(API, "Authorization", "Bearer"), 401, "Authorization: Bearer");
        assertJsonError(get(API, "Authorization", "Basic %%%"), 401, "Authorization: Bearer");
    }

    @Test
    void theTokenInTheUrlIsNotAccepted() throws Exception {
        start(TOKEN);
        assertThat(get(API + "?token=" + TOKEN).statusCode()).isEqualTo(401);
        assertThat(get(API + "?t=" + TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowserIsAskedForTheTokenAsAPasswordAndGetsThePage() throws Exception {
        start(TOKEN);
        HttpResponse<String> challenge = get(PAGE);
        assertThat(challenge.statusCode()).isEqualTo(401);
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Paperwire operator\", charset=\"UTF-8\"");
        assertThat(challenge.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(get(PAGE, "Authorization", basic("operator", "nope")).statusCode()).isEqualTo(401);
        HttpResponse<String> page = get(PAGE, "Authorization", basic("operator", TOKEN));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(".eml files");
    }

    @Test
    void theAuthorizationHeaderIsReadAsBearerOrBasicPassword() {
        assertThat(OperatorAccess.presentedToken("Bearer abc")).isEqualTo("abc");
        assertThat(OperatorAccess.presentedToken("bearer  abc ")).isEqualTo("abc");
        assertThat(OperatorAccess.presentedToken(basic("any one", "pass:word"))).isEqualTo("pass:word");
        assertThat(OperatorAccess.presentedToken("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)))).isNull();
        assertThat(OperatorAccess.presentedToken("Basic !!!")).isNull();
        assertThat(OperatorAccess.presentedToken("Digest abc")).isNull();
        assertThat(OperatorAccess.presentedToken("abc")).isNull();
        assertThat(OperatorAccess.presentedToken(null)).isNull();
    }

    static Optional<String> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .map(InetAddress::getHostAddress).findFirst();
    }
}
