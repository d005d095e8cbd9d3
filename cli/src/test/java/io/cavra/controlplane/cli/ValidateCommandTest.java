package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void validFilesAreCountedOnStdout() {
    Path valid = Cli.VECTORS.resolve("valid");

    Cli.Result result =
        Cli.run(
            "validate",
            valid.resolve("request_tenant_status_default.pretty.json").toString(),
            valid.resolve("response_saas_operating_automation_summary.compact.json").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("2 documents: 2 valid, 0 invalid\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void invalidFileIsReportedWithFileCodeAndPath() {
    Path invalid =
        Cli.VECTORS.resolve("invalid").resolve("request_evidence_export_format_pdf.json");

    Cli.Result result = Cli.run("validate", invalid.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("error: invalid_value at " + invalid + ":$.payload.export_format: ");
    assertThat(result.out()).isEqualTo("1 document: 0 valid, 1 invalid\n");
  }

  /** A credential in a UTF-16 file must not validate: the file is refused as not UTF-8. */
  @Test
  void utf16FileIsInvalidJsonEvenWhenItHoldsACredential() throws Exception {
    String token =
        "gh"
            + "p_"
            + new java.util.Random(5)
                .ints(36, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    String request =
        Cli.vector("request_tenant_status_default.compact.json")
            .strip()
            .replace("\"requested_by\":\"community\"", "\"requested_by\":\"" + token + "\"");
    Path file = dir.resolve("utf16.json");
    java.nio.file.Files.write(file, request.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "error: invalid_json at "
                + file
                + ":line 1, column 2: input is not UTF-8: UTF-16 and UTF-32 are refused\n");
    assertThat(result.out() + result.err()).doesNotContain(token);
  }

  @Test
  void aNumberWithAHugeExponentIsInvalidInputNotAnInternalError() throws Exception {
    String good = Cli.vector("request_tenant_status_default.compact.json").strip();
    Path file =
        Cli.write(
            dir,
            "exponent.json",
            good.replace("\"payload\":{", "\"payload\":{\"x\":1e99999999999,"));

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("error: invalid_value at " + file + ":$.payload.x: number is out of range\n");
  }

  @Test
  void jsonlReportsTheLineOfEachProblemAndCountsLines() throws Exception {
    String good = Cli.vector("request_tenant_status_default.compact.json").strip();
    Path file = Cli.write(dir, "requests.jsonl", good + "\n{\"x\":1}\n\nnot json\r\n" + good);

    Cli.Result result = Cli.run("validate", "--jsonl", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err().lines())
        .containsExactly(
            "error: missing_field at " + file + ":2:$.schema_version: schema_version is required",
            "error: invalid_json at " + file + ":4:column 1: input is not valid JSON");
    assertThat(result.out()).isEqualTo("4 lines: 2 valid, 2 invalid\n");
  }

  @Test
  void canonicalPrintsValidEnvelopesOnStdoutAndTheCountOnStderr() throws Exception {
    Path file =
        Cli.write(
            dir, "pretty.json", Cli.vector("request_policy_registry_lookup_labels.pretty.json"));

    Cli.Result result = Cli.run("validate", "--canonical", "--compact", file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip())
        .isEqualTo(Cli.vector("request_policy_registry_lookup_labels.compact.json").strip());
    assertThat(result.err()).isEqualTo("1 document: 1 valid, 0 invalid\n");
  }

  @Test
  void lineLongerThanMaxBytesIsTooLargeAndTheNextLineIsStillRead() throws Exception {
    String good = Cli.vector("request_tenant_status_default.compact.json").strip();
    Path file = Cli.write(dir, "big.jsonl", "[\"" + "a".repeat(5000) + "\"]\n" + good + "\n");

    Cli.Result result = Cli.run("validate", "--jsonl", "--max-bytes", "1000", file.toString());

    assertThat(result.err())
        .isEqualTo("error: too_large at " + file + ":1:$: input is larger than 1000 bytes\n");
    assertThat(result.out()).isEqualTo("2 lines: 1 valid, 1 invalid\n");
  }

  @Test
  void missingFileIsAnIoErrorAndOtherFilesAreStillValidated() {
    Path valid = Cli.VECTORS.resolve("valid").resolve("request_tenant_status_default.pretty.json");
    Path absent = dir.resolve("absent.json");

    Cli.Result result = Cli.run("validate", absent.toString(), valid.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
    assertThat(result.err()).isEqualTo("error: io_error at " + absent + ": no such file\n");
    assertThat(result.out()).isEqualTo("1 document: 1 valid, 0 invalid\n");
  }

  @Test
  void readsStdinByDefault() throws Exception {
    Cli.Result result =
        Cli.runWithStdin(
            Cli.vector("response_tenant_status_generic_unavailable.pretty.json"), "validate");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("1 document: 1 valid, 0 invalid\n");
  }

  @Test
  void secretInAnEnvelopeIsReportedByPathOnly() {
    String request =
        """
        {"schema_version":"cavra.saas_control_plane.request.v1","operation":"tenant_status","tenant_id":"t1",\
        "requested_by":"community","correlation_id":"saas-0123456789ab","private_implementation_required":true,\
        "payload":{"requested_capabilities":["%s"],"public_client_boundary":"status lookup contract only"}}\
        """
            .formatted(Cli.FAKE_GITHUB_TOKEN);

    Cli.Result result = Cli.runWithStdin(request, "validate");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("error: sensitive_value at <stdin>:$.payload.requested_capabilities[0]: ");
    assertThat(result.all()).doesNotContain(Cli.FAKE_GITHUB_TOKEN);
  }

  @Test
  void stdinNamedTwiceIsAUsageError() {
    Cli.Result result = Cli.run("validate", "-", "-");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: usage: standard input ('-') can be read only once");
  }

  @Test
  void progressIsDrawnOnlyWhenStderrIsATerminal() throws Exception {
    String good = Cli.vector("request_tenant_status_default.compact.json").strip() + "\n";
    Path file = Cli.write(dir, "many.jsonl", good.repeat(5000));

    Cli.Result redirected = Cli.run("validate", "--jsonl", file.toString());

    assertThat(redirected.exitCode()).isZero();
    assertThat(redirected.err()).isEmpty();
    assertThat(redirected.out()).isEqualTo("5000 lines: 5000 valid, 0 invalid\n");
  }
}
