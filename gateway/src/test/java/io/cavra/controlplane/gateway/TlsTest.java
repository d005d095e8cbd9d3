package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files or a PKCS#12 key store, TLS 1.2+ only, reloaded on change; real TLS clients.
 */
class TlsTest {
  @TempDir Path dir;

  /**
   * A self-signed certificate for localhost and 127.0.0.1 made by keytool, with a password made at
   * run time.
   */
  private record Material(
      Path pkcs12, Path passwordFile, char[] password, X509Certificate certificate) {}

  private Material make(String name, String commonName) throws Exception {
    Path store = dir.resolve(name + ".p12");
    char[] password = UUID.randomUUID().toString().toCharArray();
    Path passwordFile =
        Files.writeString(dir.resolve(name + ".password"), new String(password) + "\n");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "gateway",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + commonName,
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(password))
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      keyStore.load(in, password);
    }
    return new Material(
        store, passwordFile, password, (X509Certificate) keyStore.getCertificate("gateway"));
  }

  /** Writes the material as a PEM certificate and a PKCS#8 PEM key. */
  private Path[] pem(Material material, Path cert, Path key) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(material.pkcs12().toFile())) {
      keyStore.load(in, material.password());
    }
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(
        cert,
        "-----BEGIN CERTIFICATE-----\n"
            + base64.encodeToString(material.certificate().getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + base64.encodeToString(keyStore.getKey("gateway", material.password()).getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    return new Path[] {cert, key};
  }

  private static SSLContext trusting(X509Certificate... certificates) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (int i = 0; i < certificates.length; i++) {
      trust.setCertificateEntry("ca" + i, certificates[i]);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static HttpResponse<String> get(SSLContext context, URI uri) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String curl(String... args) throws Exception {
    Process curl = new ProcessBuilder(args).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    curl.getInputStream().transferTo(out);
    assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return curl.exitValue() + " " + out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pemFilesServeHttpsToTheJdkClientAndToCurl() throws Exception {
    Material material = make("pem", "localhost");
    Path[] files = pem(material, dir.resolve("cert.pem"), dir.resolve("key.pem"));
    try (Gateway gateway =
        Gateway.start(
            GatewayConfig.defaults()
                .withPort(0)
                .withAuditSink(AuditSink.none())
                .withTlsPem(files[0], files[1]))) {
      assertThat(gateway.uri().getScheme()).isEqualTo("https");

      HttpResponse<String> jdk =
          get(trusting(material.certificate()), gateway.uri().resolve("/healthz"));
      String viaCurl =
          curl(
              "curl",
              "-sS",
              "--cacert",
              files[0].toString(),
              gateway.uri().resolve("/healthz").toString());

      assertThat(jdk.statusCode()).isEqualTo(200);
      assertThat(jdk.body()).isEqualTo("{\"status\":\"ok\"}");
      assertThat(viaCurl).isEqualTo("0 {\"status\":\"ok\"}");
    }
  }

  @Test
  void aPkcs12KeyStoreWithItsPasswordInAFileServesHttps() throws Exception {
    Material material = make("store", "localhost");
    try (Gateway gateway =
        Gateway.start(
            GatewayConfig.defaults()
                .withPort(0)
                .withAuditSink(AuditSink.none())
                .withTlsKeyStore(material.pkcs12(), material.passwordFile()))) {
      HttpResponse<String> response =
          get(trusting(material.certificate()), gateway.uri().resolve("/readyz"));

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void onlyTls12And13AreSpoken() throws Exception {
    Material material = make("protocols", "localhost");
    SSLContext context = trusting(material.certificate());
    try (Gateway gateway =
        Gateway.start(
            GatewayConfig.defaults()
                .withPort(0)
                .withAuditSink(AuditSink.none())
                .withTlsKeyStore(material.pkcs12(), material.passwordFile()))) {
      for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
        try (SSLSocket socket =
            (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", gateway.port())) {
          socket.setEnabledProtocols(new String[] {protocol});
          socket.startHandshake();
          assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
        }
      }
      String old =
          curl(
              "curl",
              "-sS",
              "--cacert",
              dir.resolve("none.pem").toString(),
              "-k",
              "--tlsv1.0",
              "--tls-max",
              "1.1",
              gateway.uri().resolve("/healthz").toString());
      assertThat(old).doesNotStartWith("0 ");
      assertThat(Tls.PROTOCOLS).containsExactly("TLSv1.3", "TLSv1.2");
    }
  }

  @Test
  void aRenewedCertificateIsServedOnNewConnectionsWithoutARestart() throws Exception {
    Material first = make("first", "first.localhost");
    Path cert = dir.resolve("live-cert.pem");
    Path key = dir.resolve("live-key.pem");
    pem(first, cert, key);
    Material renewed = make("renewed", "renewed.localhost");
    SSLContext context = trusting(first.certificate(), renewed.certificate());
    try (Gateway gateway =
        Gateway.start(
            GatewayConfig.defaults()
                .withPort(0)
                .withAuditSink(AuditSink.none())
                .withTlsPem(cert, key))) {
      assertThat(served(context, gateway)).isEqualTo(first.certificate());

      Path staging = dir.resolve("staging");
      Files.createDirectories(staging);
      Path[] next = pem(renewed, staging.resolve("c.pem"), staging.resolve("k.pem"));
      Files.move(next[1], key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(next[0], cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      // The gateway's own check (every 2 s) or this call puts it in force, whichever comes first.
      gateway.reloadTls();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!served(context, gateway).equals(renewed.certificate())
          && System.nanoTime() - deadline < 0) {
        Thread.sleep(50);
      }

      assertThat(served(context, gateway)).isEqualTo(renewed.certificate());
      assertThat(get(context, gateway.uri().resolve("/healthz")).statusCode()).isEqualTo(200);
    }
  }

  private static X509Certificate served(SSLContext context, Gateway gateway) throws IOException {
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", gateway.port())) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  @Test
  void aKeyThatIsNotPkcs8PemStopsTheStartNamingTheFileNotItsContent() throws Exception {
    Material material = make("bad", "localhost");
    Path[] files = pem(material, dir.resolve("c.pem"), dir.resolve("k.pem"));
    Files.writeString(
        files[1], "-----BEGIN EC PRIVATE KEY-----\nc2VjcmV0\n-----END EC PRIVATE KEY-----\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Gateway.start(
                    GatewayConfig.defaults()
                        .withPort(0)
                        .withAuditSink(AuditSink.none())
                        .withTlsPem(files[0], files[1])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("TLS key " + files[1] + " is not a PKCS#8 PEM private key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c2VjcmV0"));
  }
}
