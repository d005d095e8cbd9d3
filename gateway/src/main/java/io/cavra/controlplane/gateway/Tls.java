package io.cavra.controlplane.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The gateway's TLS material: a PEM certificate chain with a PKCS#8 PEM private key, or a PKCS#12
 * key store with its password in a file, turned into an in-memory key store for Jetty, which speaks
 * TLS 1.3 and 1.2 only. {@link #reloadIfChanged} swaps the material in when the files change, for
 * new connections. Errors name the file and the problem, never the file's content.
 */
final class Tls {
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final GatewayConfig config;
  private final SslContextFactory.Server factory = new SslContextFactory.Server();
  private final char[] password = new char[32];
  private byte[][] seen;

  Tls(GatewayConfig config) {
    this.config = config;
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    factory.setIncludeProtocols(PROTOCOLS.toArray(String[]::new));
    factory.setKeyStore(load());
    factory.setKeyStorePassword(new String(password));
    factory.setKeyManagerPassword(new String(password));
    // Clients reach the gateway by address as often as by name; the certificate is the client's to
    // check.
    factory.setSniRequired(false);
  }

  SslContextFactory.Server factory() {
    return factory;
  }

  /**
   * Reads the files again if they changed and puts the new material in force for new connections.
   */
  boolean reloadIfChanged() {
    byte[][] now = read();
    if (Arrays.deepEquals(now, seen)) {
      return false;
    }
    KeyStore store = load();
    try {
      factory.reload(f -> f.setKeyStore(store));
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot put the new TLS material in force: " + Gateway.describe(e), e);
    }
    return true;
  }

  private byte[][] read() {
    List<Path> files = files();
    byte[][] content = new byte[files.size()][];
    for (int i = 0; i < files.size(); i++) {
      try {
        content[i] = Files.readAllBytes(files.get(i));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read TLS file " + files.get(i), e);
      }
    }
    return content;
  }

  private List<Path> files() {
    if (config.tlsKeyStore().isPresent()) {
      return List.of(config.tlsKeyStore().get(), config.tlsKeyStorePasswordFile().get());
    }
    return List.of(config.tlsCertificate().get(), config.tlsPrivateKey().get());
  }

  private KeyStore load() {
    byte[][] content = read();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      if (config.tlsKeyStore().isPresent()) {
        char[] storePassword = new String(content[1], StandardCharsets.UTF_8).strip().toCharArray();
        KeyStore given = KeyStore.getInstance("PKCS12");
        try {
          given.load(new ByteArrayInputStream(content[0]), storePassword);
        } catch (IOException e) {
          throw new IllegalArgumentException(
              "TLS key store "
                  + config.tlsKeyStore().get()
                  + " cannot be opened with the password in "
                  + config.tlsKeyStorePasswordFile().get());
        }
        String alias = null;
        for (String name : java.util.Collections.list(given.aliases())) {
          if (given.isKeyEntry(name)) {
            alias = name;
            break;
          }
        }
        if (alias == null) {
          throw new IllegalArgumentException(
              "TLS key store " + config.tlsKeyStore().get() + " holds no private key");
        }
        store.setKeyEntry(
            "gateway",
            given.getKey(alias, storePassword),
            password,
            given.getCertificateChain(alias));
        Arrays.fill(storePassword, '\0');
      } else {
        Path certificateFile = config.tlsCertificate().get();
        Collection<? extends Certificate> chain;
        try {
          chain =
              CertificateFactory.getInstance("X.509")
                  .generateCertificates(new ByteArrayInputStream(content[0]));
        } catch (GeneralSecurityException e) {
          throw new IllegalArgumentException(
              "TLS certificate " + certificateFile + " is not a PEM certificate chain");
        }
        if (chain.isEmpty()) {
          throw new IllegalArgumentException(
              "TLS certificate " + certificateFile + " holds no certificate");
        }
        PrivateKey key =
            privateKey(content[1], config.tlsPrivateKey().get(), chain.iterator().next());
        store.setKeyEntry("gateway", key, password, chain.toArray(Certificate[]::new));
      }
      seen = content;
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("TLS material cannot be used: " + Gateway.describe(e), e);
    }
  }

  /** A PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}) of the certificate's key algorithm. */
  private static PrivateKey privateKey(byte[] pem, Path file, Certificate certificate) {
    String text = new String(pem, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "TLS key "
              + file
              + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY);"
              + " convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TLS key " + file + " is not valid base64 inside its PEM markers");
    }
    try {
      return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
          .generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "TLS key "
              + file
              + " does not hold a "
              + certificate.getPublicKey().getAlgorithm()
              + " private key for the certificate");
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }
}
