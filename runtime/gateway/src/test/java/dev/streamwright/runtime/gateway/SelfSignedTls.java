package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's keytool, as a user would make one for
 * a test cluster: the server's key store, the certificate, and a trust store holding it.
 *
 * @param keyStore the server's PKCS12 key store
 * @param certificate the certificate, PEM
 * @param trustStore a PKCS12 trust store with only that certificate
 * @param password the password of both stores
 */
record SelfSignedTls(Path keyStore, Path certificate, Path trustStore, String password) {

  /** Makes the three files in {@code folder}, named after {@code alias}. */
  static SelfSignedTls create(Path folder, String alias, String password) throws Exception {
    SelfSignedTls tls =
        new SelfSignedTls(
            folder.resolve(alias + ".p12"),
            folder.resolve(alias + ".crt"),
            folder.resolve(alias + "-truststore.p12"),
            password);
    keytool(
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-storetype",
        "PKCS12",
        "-keystore",
        tls.keyStore.toString(),
        "-storepass",
        password,
        "-keypass",
        password);
    keytool(
        "-exportcert",
        "-alias",
        alias,
        "-rfc",
        "-keystore",
        tls.keyStore.toString(),
        "-storepass",
        password,
        "-file",
        tls.certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        alias,
        "-file",
        tls.certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        tls.trustStore.toString(),
        "-storepass",
        password);
    return tls;
  }

  /** An HTTPS server on 127.0.0.1 (a free port) presenting the certificate; not started. */
  HttpsServer server() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      ks.load(in, password.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password.toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    return server;
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool %s: %s", args[0], out).isZero();
  }
}
