package io.cavra.controlplane.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded hostile-input run against the packaged gateway ({@code target/cavra-gateway.jar}) as a
 * process of its own: other encodings, huge exponents, slow bodies, header abuse and unbounded
 * identifiers, with credentials planted in every position (body keys and values, headers, path,
 * query). It fails on any 5xx but the 505 of an unsupported HTTP version, on a crash (the process
 * must still answer and exit 0 on SIGTERM), and on any planted value found in an answer, the audit
 * trail or the log. About 150 requests; {@code .ci/run} runs it through {@code ./mvnw verify}.
 */
class HostileSuiteIT {
  static final Path JAR = Path.of("target", "cavra-gateway.jar");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @TempDir Path dir;

  /** Fake credentials: never to be found in an answer, the audit trail or the log. */
  private final List<String> canaries = new ArrayList<>();

  /** Text that is no credential, sent where nothing may repeat it (path, query, other headers). */
  private String marker;

  private final List<String> problems = new ArrayList<>();
  private int cases;
  private int port;

  private static String random(int n, String alphabet) {
    StringBuilder text = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** Fake credentials of several shapes, made at run time, and a marker for plain echoes. */
  private void plant() {
    canaries.add("gh" + "p_" + random(36, ALNUM));
    canaries.add("AK" + "IA" + random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
    canaries.add("sk_" + "live_" + random(24, ALNUM));
    canaries.add("xox" + "b-" + random(12, "0123456789") + "-" + random(24, ALNUM));
    GeneratedKey ours =
        ApiKeys.add(dir.resolve("throwaway-keys.jsonl"), "throwaway", Set.of("*"), Set.of("*"));
    canaries.add(ours.reveal());
    ours.destroy();
    marker = "marker" + random(20, "abcdefghijklmnopqrstuvwxyz");
  }

  private String request(String tenant, String correlation, String requester, String ref) {
    return "{\"schema_version\":\"cavra.saas_control_plane.request.v1\",\"operation\":\"policy_registry_lookup\","
               + "\"tenant_id\":\""
        + tenant
        + "\",\"requested_by\":\""
        + requester
        + "\",\"correlation_id\":\""
        + correlation
        + "\",\"private_implementation_required\":true,\"payload\":{\"policy_refs\":[\""
        + ref
        + "\"],\"labels\":{},\"resolution_boundary\":\"public request shape only; hosted registry"
        + " implementation is private\"}}";
  }

  private static byte[] post(String path, String contentType, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  /** Sends raw bytes, reads the answer until the server closes, and checks it. */
  private String send(String name, byte[] raw, boolean versionCase) {
    cases++;
    String answer;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(raw);
      socket.getOutputStream().flush();
      answer = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      problems.add(name + ": no answer (" + e.getClass().getSimpleName() + ")");
      return "";
    }
    check(name, answer, versionCase);
    return answer;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      // A reset after the answer was read is fine; what was read is checked.
    }
    return out.toByteArray();
  }

  private void check(String name, String answer, boolean versionCase) {
    Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3}) ").matcher(answer);
    if (!status.find()) {
      problems.add(name + ": not an HTTP answer");
      return;
    }
    int code = Integer.parseInt(status.group(1));
    if (code >= 500 && !(versionCase && code == 505)) {
      problems.add(name + ": status " + code);
    }
    for (String canary : canaries) {
      if (answer.contains(canary)) {
        problems.add(name + ": the answer echoes a planted credential");
      }
    }
    if (answer.contains(marker)) {
      problems.add(name + ": the answer echoes text from the path, query or headers");
    }
  }

  private String tenantStatus() {
    return "{\"schema_version\":\"cavra.saas_control_plane.request.v1\",\"operation\":\"tenant_status\","
               + "\"tenant_id\":\"tenant-demo\",\"requested_by\":\"community\",\"correlation_id\":\"c-1\","
               + "\"private_implementation_required\":true,\"payload\":{\"requested_capabilities\":[\"license\"],\"public_client_boundary\":\"status"
               + " lookup contract only\"}}";
  }

  @Test
  void theGatewayHoldsUnderHostileInput() throws Exception {
    assertThat(JAR).as("the packaged gateway").exists();
    plant();
    Path audit = dir.resolve("audit.jsonl");
    Path err = dir.resolve("gateway.err");
    Process gateway =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--port",
                "0",
                "--audit-log",
                audit.toString(),
                "--body-timeout",
                "1",
                "--rate-limit",
                "0",
                "--max-concurrent-per-client",
                "256")
            .redirectErrorStream(false)
            .redirectOutput(dir.resolve("gateway.out").toFile())
            .redirectError(err.toFile())
            .start();
    try {
      port = awaitPort(gateway, err);
      String json = "application/json";
      String utf8 = "application/json; charset=utf-8";

      // Encodings: a credential in a body that is not UTF-8, however it is labelled.
      for (String canary : canaries) {
        String body = request("tenant-demo", "c-1", "community", canary);
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
          for (boolean bom : new boolean[] {false, true}) {
            byte[] bytes = ((bom ? "\uFEFF" : "") + body).getBytes(Charset.forName(charset));
            for (String path : List.of("/v1/control-plane", "/v1/validate")) {
              send(
                  "encoding " + charset + " bom " + bom + " " + path,
                  post(path, utf8, bytes),
                  false);
            }
          }
        }
        send(
            "utf-8 bom",
            post("/v1/control-plane", json, ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8)),
            false);
        send(
            "nul byte",
            post("/v1/control-plane", json, (body + "\u0000").getBytes(StandardCharsets.UTF_8)),
            false);
        send(
            "declared utf-16",
            post(
                "/v1/control-plane",
                "application/json; charset=utf-16",
                body.getBytes(StandardCharsets.UTF_16)),
            false);
      }

      // Credentials in every position of a UTF-8 body, in headers, path and query.
      for (String canary : canaries) {
        for (String body :
            List.of(
                request(canary, "c-1", "community", "ref"),
                request("tenant-demo", canary, "community", "ref"),
                request("tenant-demo", "c-1", canary, "ref"),
                request("tenant-demo", "c-1", "community", canary),
                tenantStatus().replace("\"payload\"", "\"" + canary + "\":1,\"payload\""))) {
          for (String path : List.of("/v1/control-plane", "/v1/validate")) {
            send(
                "planted in body " + path,
                post(path, json, body.getBytes(StandardCharsets.UTF_8)),
                false);
          }
        }
        send(
            "planted in headers",
            post(
                "/v1/control-plane",
                json,
                tenantStatus().getBytes(StandardCharsets.UTF_8),
                "X-Request-Id: " + canary,
                "X-Api-Key: " + canary,
                "Authorization: Bearer " + canary,
                "traceparent: 00-" + canary + "-00f067aa0ba902b7-01",
                "Cookie: session=" + canary),
            false);
        send(
            "planted in path",
            ("GET /v1/schemas/"
                    + canary
                    + "?token="
                    + canary
                    + " HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1),
            false);
        send(
            "marker in path",
            ("GET /v1/"
                    + marker
                    + "?q="
                    + marker
                    + " HTTP/1.1\r\nHost: x\r\nX-Other: "
                    + marker
                    + "\r\nCookie: s="
                    + marker
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1),
            false);
        send(
            "planted in build",
            post(
                "/v1/build/tenant_status",
                json,
                ("{\"tenant_id\":\"" + canary + "\"}").getBytes(StandardCharsets.UTF_8)),
            false);
      }

      // Numbers, identifiers and shapes at and past their bounds.
      for (String number :
          List.of(
              "1e99999999999",
              "-1E+99999999999",
              "1e-99999999999",
              "1" + "0".repeat(5000),
              "1e400")) {
        send(
            "number " + number.length(),
            post(
                "/v1/control-plane",
                json,
                tenantStatus()
                    .replace("\"payload\":{", "\"payload\":{\"x\":" + number + ",")
                    .getBytes(StandardCharsets.UTF_8)),
            false);
      }
      for (String tenant : List.of("t\\ufeffx", "t\\u007fx", "t".repeat(200_000), "-t", "a b")) {
        send(
            "tenant",
            post(
                "/v1/control-plane",
                json,
                tenantStatus().replace("tenant-demo", tenant).getBytes(StandardCharsets.UTF_8)),
            false);
      }
      send(
          "deep",
          post(
              "/v1/control-plane",
              json,
              ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8)),
          false);

      // Header abuse and request smuggling.
      List<String> raw =
          List.of(
              "GET /healthz HTTP/1.1\r\nHost: x\r\nHost: " + marker + "\r\n\r\n",
              "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(9000) + "\r\n\r\n",
              "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n " + marker + "\r\n\r\n",
              "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: " + marker + "\r\n\r\n",
              "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
              "BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
              "GET /explorer/%2e%2e/%2e%2e/" + marker + " HTTP/1.1\r\nHost: x\r\n\r\n",
              "GET /explorer/a%00b HTTP/1.1\r\nHost: x\r\n\r\n",
              "POST /v1/validate HTTP/1.1\r\n"
                  + "Host: x\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: 2\r\n"
                  + "Content-Length: 40\r\n\r\n"
                  + "{}",
              "POST /v1/validate HTTP/1.1\r\n"
                  + "Host: x\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: -1\r\n\r\n"
                  + "{}",
              "POST /v1/validate HTTP/1.1\r\n"
                  + "Host: x\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: 2\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n"
                  + "0\r\n\r\n"
                  + "GET /"
                  + marker
                  + " HTTP/1.1\r\nHost: x\r\n\r\n",
              "POST /v1/validate HTTP/1.1\r\n"
                  + "Host: x\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n"
                  + "zz\r\n"
                  + "{}\r\n"
                  + "0\r\n\r\n",
              "GET /healthz HTTP/1.1\r\n"
                  + "Host: x\r\n"
                  + "Transfer-Encoding: gzip, chunked\r\n\r\n"
                  + "0\r\n\r\n");
      for (String text : raw) {
        send(
            "header abuse",
            (text.contains("Connection:")
                    ? text
                    : text.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n"))
                .getBytes(StandardCharsets.ISO_8859_1),
            false);
      }
      for (String version : List.of("HTTP/1.2", "HTTP/0.9", "HTTP/2.0", "HTTP/9.9", "HTTX/1.1")) {
        send(
            "version " + version,
            ("GET /healthz " + version + "\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1),
            true);
      }

      // Slow bodies: three trickle past the body deadline while an honest request is answered.
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        socket
            .getOutputStream()
            .write(
                ("POST /v1/control-plane HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 4000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
        slow.add(socket);
      }
      String honest =
          send(
              "honest during slow bodies",
              post("/v1/control-plane", json, tenantStatus().getBytes(StandardCharsets.UTF_8)),
              false);
      if (!honest.startsWith("HTTP/1.1 200 ")) {
        problems.add("an honest request was not answered 200 while slow bodies trickled");
      }
      for (int tick = 0; tick < 15; tick++) {
        for (Socket socket : slow) {
          try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
          } catch (IOException e) {
            // The gateway answered and closed: expected once the deadline passed.
          }
        }
        Thread.sleep(100);
      }
      for (Socket socket : slow) {
        cases++;
        try (socket) {
          String answer = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
          if (!answer.startsWith("HTTP/1.1 408 ")) {
            problems.add(
                "slow body: expected 408, got " + answer.lines().findFirst().orElse("nothing"));
          }
        } catch (SocketTimeoutException e) {
          problems.add("slow body: no answer within 30 s");
        }
      }

      // Still alive and answering.
      String health =
          send(
              "health after the run",
              ("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII),
              false);
      if (!health.startsWith("HTTP/1.1 200 ")) {
        problems.add("the gateway no longer answers /healthz");
      }
    } finally {
      new ProcessBuilder("kill", "-TERM", Long.toString(gateway.pid()))
          .inheritIO()
          .start()
          .waitFor();
      if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
        gateway.destroyForcibly();
        problems.add("the gateway did not stop within 60 s of SIGTERM");
      }
    }
    if (gateway.exitValue() != 0) {
      problems.add("the gateway exited " + gateway.exitValue() + " after SIGTERM");
    }
    String logs =
        Files.readString(err, StandardCharsets.UTF_8)
            + Files.readString(dir.resolve("gateway.out"), StandardCharsets.UTF_8);
    String trail = Files.readString(audit, StandardCharsets.UTF_8);
    for (String canary : canaries) {
      if (logs.contains(canary)) {
        problems.add("the log holds a planted credential");
      }
      if (trail.contains(canary)) {
        problems.add("the audit trail holds a planted credential");
      }
    }
    if (logs.contains(marker) || trail.contains(marker)) {
      problems.add("the log or the audit trail holds text from the path, query or headers");
    }
    if (logs.contains("SEVERE") || logs.contains("internal error")) {
      problems.add("the log reports an internal error");
    }
    System.out.println("hostile suite: " + cases + " cases, " + problems.size() + " problems");
    assertThat(problems).as("hostile suite, %d cases", cases).isEmpty();
    assertThat(cases).isGreaterThan(100);
  }

  private static int awaitPort(Process gateway, Path err) throws Exception {
    Pattern serving = Pattern.compile("cavra-gateway: serving http://127\\.0\\.0\\.1:(\\d+)/");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() - deadline < 0) {
      Matcher matcher = serving.matcher(Files.exists(err) ? Files.readString(err) : "");
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      if (!gateway.isAlive()) {
        break;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "the gateway did not start: " + (Files.exists(err) ? Files.readString(err) : ""));
  }
}
