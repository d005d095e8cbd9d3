package io.cavra.controlplane.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cavra.controlplane.contract.internal.CanonicalJsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The codec's input rules and the canonical writer's details. */
class ContractJsonTest {
  private final ContractJson json = ContractJson.defaults();
  private final String valid =
      ContractJson.toJson(
          ControlPlaneRequest.builder(Operation.TENANT_STATUS)
              .tenantId("tenant-demo")
              .correlationId("saas-0123456789ab")
              .build());

  private ContractException refused(byte[] input) {
    return catchThrowableOfType(ContractException.class, () -> json.parseRequest(input));
  }

  @Test
  void inputOverTheSizeLimitIsTooLargeBeforeParsing() {
    byte[] big = new byte[ContractJson.DEFAULT_MAX_BYTES + 1];
    Arrays.fill(big, (byte) ' ');
    assertThat(refused(big).code()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(
            catchThrowableOfType(
                    ContractException.class, () -> json.withMaxBytes(100).parseRequest(valid))
                .code())
        .isEqualTo(ErrorCode.TOO_LARGE);
  }

  @Test
  void deepNestingIsTooDeepNotAStackOverflow() {
    String hostile = "[".repeat(200_000) + "]".repeat(200_000);
    assertThat(refused(hostile.getBytes(StandardCharsets.UTF_8)).code())
        .isEqualTo(ErrorCode.TOO_DEEP);
    String nested = "{\"a\":".repeat(10) + "1" + "}".repeat(10);
    assertThat(
            catchThrowableOfType(
                    ContractException.class, () -> json.withMaxDepth(5).parseRequest(nested))
                .code())
        .isEqualTo(ErrorCode.TOO_DEEP);
  }

  @Test
  void invalidUtf8AndByteOrderMarkAreInvalidJson() {
    byte[] latin1 =
        valid.replace("tenant-demo", "tenant-d\u00e9mo").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(refused(latin1).code()).isEqualTo(ErrorCode.INVALID_JSON);
    byte[] bom = ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8);
    assertThat(refused(bom).code()).isEqualTo(ErrorCode.INVALID_JSON);
  }

  /**
   * JSON between systems is UTF-8. Jackson would decode UTF-16 and UTF-32 by itself, while the
   * guard's screen reads the bytes as UTF-8 and sees a NUL after every ASCII char: a credential in
   * such a body must be refused as not UTF-8 before anything reads it, never read unguarded.
   */
  @ParameterizedTest
  @CsvSource({
    "UTF-16LE,false",
    "UTF-16BE,false",
    "UTF-16LE,true",
    "UTF-16BE,true",
    "UTF-32LE,false",
    "UTF-32BE,false",
    "UTF-32LE,true",
    "UTF-32BE,true"
  })
  void utf16AndUtf32BodiesAreRefusedAsNotUtf8EvenWhenTheyHoldACredential(
      String charset, boolean bom) {
    String withToken =
        valid.replace(
            "\"requested_by\":\"community\"", "\"requested_by\":\"" + FakeTokens.github() + "\"");
    byte[] encoded =
        ((bom ? "\uFEFF" : "") + withToken).getBytes(java.nio.charset.Charset.forName(charset));

    ContractException error = refused(encoded);

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_JSON);
    assertThat(error.getMessage()).isEqualTo("input is not UTF-8: UTF-16 and UTF-32 are refused");
    assertThat(error.location()).startsWith("line 1, column ");
    assertThat(catchThrowableOfType(ContractException.class, () -> json.parseTree(encoded)).code())
        .isEqualTo(ErrorCode.INVALID_JSON);
  }

  @Test
  void aNulByteAnywhereIsInvalidJsonAtItsLineAndColumn() {
    byte[] bytes = ("{\n  \"a\": \"x" + "\u0000" + "y\"}").getBytes(StandardCharsets.UTF_8);

    ContractException error =
        catchThrowableOfType(ContractException.class, () -> json.parseTree(bytes));

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_JSON);
    assertThat(error.location()).isEqualTo("line 2, column 10");
  }

  @ParameterizedTest
  @CsvSource({"1e99999999999", "-1e99999999999", "1E-99999999999", "0e99999999999", "1e400"})
  void aNumberBeyondEveryRangeIsAnInvalidValueAtItsPath(String number) {
    byte[] bytes = ("{\"a\":[1," + number + "]}").getBytes(StandardCharsets.UTF_8);

    ContractException error =
        catchThrowableOfType(ContractException.class, () -> json.parseTree(bytes));

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(error.location()).isEqualTo("a[1]");
    assertThat(error.getMessage()).isEqualTo("number is out of range").doesNotContain(number);
  }

  @Test
  void trailingContentIsInvalidJsonWithALineAndColumn() {
    ContractException error = refused((valid + " {}").getBytes(StandardCharsets.UTF_8));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_JSON);
    assertThat(error.location()).startsWith("line 1, column ");
  }

  @Test
  void syntaxErrorsNeverQuoteTheInput() {
    String secret = FakeTokens.github();
    ContractException error =
        refused(("{\"tenant_id\": " + secret + "}").getBytes(StandardCharsets.UTF_8));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_JSON);
    assertThat(error.getMessage() + error.location()).doesNotContain(secret).doesNotContain("ghp");
  }

  /**
   * A key can be a credential too. Errors about the document's shape name keys in their locations
   * and messages; such a key is written as the guard writes it in findings.
   */
  @Test
  void errorsNameACredentialKeyAsRedacted() {
    String secret = FakeTokens.github();
    String lookup =
        ContractJson.toJson(
            ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                .tenantId("tenant-demo")
                .correlationId("saas-0123456789ab")
                .set("policy_refs", java.util.List.of("p@1"))
                .build());
    String[] documents = {
      valid.replace("\"payload\":{", "\"payload\":{\"" + secret + "\":1,"),
      lookup.replace("\"labels\":{}", "\"labels\":{\"" + secret + "\":\"\\ud800\"}"),
      lookup.replace(
          "\"labels\":{}", "\"labels\":{\"" + secret + "\":\"a\",\"" + secret + "\":\"b\"}"),
      lookup.replace(
          "\"labels\":{}",
          "\"labels\":{\"" + secret + "\":" + "[".repeat(80) + "]".repeat(80) + "}"),
    };
    ErrorCode[] codes = {
      ErrorCode.UNKNOWN_FIELD, ErrorCode.INVALID_VALUE, ErrorCode.DUPLICATE_KEY, ErrorCode.TOO_DEEP
    };
    for (int i = 0; i < documents.length; i++) {
      ContractException error = refused(documents[i].getBytes(StandardCharsets.UTF_8));
      assertThat(error.code()).as(codes[i].wireName()).isEqualTo(codes[i]);
      assertThat(error.location()).contains("<redacted>");
      assertThat(error.getMessage() + error.location()).doesNotContain(secret);
    }
    ContractException extension =
        catchThrowableOfType(
            ContractException.class,
            () ->
                Summary.builder(Operation.TENANT_AUDIT_STORE_OPERATING)
                    .extension(secret, Double.NaN));
    assertThat(extension.location()).isEqualTo("payload.summary.<redacted>");
    assertThat(extension.getMessage()).doesNotContain(secret);
  }

  /**
   * Wire-spec 7: the report's feature lists default to empty; a report without them is read as
   * such.
   */
  @Test
  void licenseReportWithoutFeatureListsReadsThemAsEmpty() {
    String full =
        ContractJson.toJson(
            ControlPlaneRequest.builder(Operation.LICENSE_VALIDATION)
                .tenantId("tenant-demo")
                .correlationId("saas-0123456789ab")
                .report(LicenseValidationReport.communityDefault())
                .build());
    String withoutLists = full.replace(",\"enabled_features\":[],\"locked_features\":[]", "");
    assertThat(withoutLists).isNotEqualTo(full);

    ControlPlaneRequest request = json.parseRequest(withoutLists);

    assertThat(
            ((RequestPayload.LicenseValidation) request.payload())
                .localValidationReport()
                .enabledFeatures())
        .isEmpty();
    assertThat(ContractJson.toJson(request)).isEqualTo(full);
    assertThat(
            json.parseLicenseReport(
                ("{\"status\":\"expired\",\"edition\":\"enterprise\",\"license_id\":\"l-1\",\"valid\":false,\"message\":\"License"
                     + " is expired.\",\"private_validation_required\":true,"
                     + "\"locked_features\":[\"sso\"]}")
                    .getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            LicenseValidationReport.local(
                LicenseStatus.EXPIRED, LicenseEdition.ENTERPRISE, "l-1", List.of("sso")));
  }

  @Test
  void licenseReportWithANullFeatureListIsStillRefused() {
    ContractException error =
        catchThrowableOfType(
            ContractException.class,
            () ->
                json.parseLicenseReport(
                    ("{\"status\":\"valid\",\"edition\":\"community\",\"license_id\":\"community\",\"valid\":true,"
                         + "\"message\":\"m\",\"private_validation_required\":false,\"enabled_features\":null}")
                        .getBytes(StandardCharsets.UTF_8)));

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_TYPE);
    assertThat(error.location()).isEqualTo("$.enabled_features");
  }

  /** Python's json reads a float as a double; the tree holds the digits repr writes for it. */
  @Test
  void aFloatIsReadAsTheNearestDoubleInReprDigits() {
    Object tree =
        json.parseTree(
            "[1.50, 1.5000000000000001, 1e-400, 1E+16, 0.1000000000000000055511151231257827]"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(tree)
        .isEqualTo(
            List.of(
                new java.math.BigDecimal("1.5"),
                new java.math.BigDecimal("1.5"),
                new java.math.BigDecimal("0.0"),
                new java.math.BigDecimal("1e+16"),
                new java.math.BigDecimal("0.1")));
  }

  @Test
  void asciiInputReadFromBytesFailsWhereTheSameTextFails() {
    // ASCII bytes go to the parser as they are, other input is decoded first: same verdicts.
    for (String broken :
        new String[] {
          valid + " {}",
          valid.substring(0, 40),
          valid.replace(":{", ":{,"),
          "{\n  \"a\": [1,\n  2,]\n}"
        }) {
      ContractException fromBytes = refused(broken.getBytes(StandardCharsets.UTF_8));
      ContractException fromText =
          catchThrowableOfType(ContractException.class, () -> json.parseRequest(broken));
      assertThat(fromBytes.code()).as(broken).isEqualTo(fromText.code());
      assertThat(fromBytes.location()).as(broken).isEqualTo(fromText.location());
      assertThat(fromBytes.getMessage()).as(broken).isEqualTo(fromText.getMessage());
    }
  }

  @Test
  void nonAsciiInputIsReadAsUtf8() {
    String organisation =
        valid.replace("tenant-demo", "tenant-d\u00e9mo-\u6771\u4eac-\ud83d\ude80");
    ControlPlaneRequest request = json.parseRequest(organisation.getBytes(StandardCharsets.UTF_8));
    assertThat(request.tenantId()).isEqualTo("tenant-d\u00e9mo-\u6771\u4eac-\ud83d\ude80");
  }

  @Test
  void objectsWithManyKeysKeepTheirOrderAndStillRefuseDuplicates() {
    StringBuilder doc = new StringBuilder("{");
    for (int i = 0; i < 40; i++) {
      doc.append(i == 0 ? "" : ",").append("\"k").append(39 - i).append("\":").append(i);
    }
    Object tree = json.parseTree(doc.append('}').toString().getBytes(StandardCharsets.UTF_8));
    assertThat(((java.util.Map<?, ?>) tree).keySet()).first().isEqualTo("k39");
    assertThat(((java.util.Map<?, ?>) tree).keySet()).last().isEqualTo("k0");
    assertThat(((java.util.Map<?, ?>) tree).get("k20")).isEqualTo(19L);
    for (int duplicateAt : new int[] {3, 16, 30}) {
      String doubled = doc.toString().replace("}", ",\"k" + (39 - duplicateAt) + "\":0}");
      ContractException error =
          catchThrowableOfType(
              ContractException.class,
              () -> json.parseTree(doubled.getBytes(StandardCharsets.UTF_8)));
      assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_KEY);
      assertThat(error.location()).isEqualTo("k" + (39 - duplicateAt));
    }
  }

  @Test
  void duplicateKeyIsReportedAtItsPath() {
    String doubled =
        valid.replace("\"payload\":{", "\"payload\":{\"public_client_boundary\":\"x\",");
    ContractException error = refused(doubled.getBytes(StandardCharsets.UTF_8));
    assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_KEY);
    assertThat(error.location()).isEqualTo("payload.public_client_boundary");
  }

  @Test
  void surroundingWhiteSpaceInAStoredTenantIsRefusedRatherThanSilentlyChanged() {
    ContractException error =
        refused(
            valid.replace("\"tenant-demo\"", "\" tenant-demo\"").getBytes(StandardCharsets.UTF_8));
    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    assertThat(error.location()).isEqualTo("tenant_id");
  }

  @Test
  void parseEnvelopeRecognizesRequestsAndResponses() {
    ControlPlaneRequest request = json.parseRequest(valid);
    String response = ContractJson.toJson(ControlPlaneResponse.unavailable(request));
    assertThat(json.parseEnvelope(valid)).isInstanceOf(ControlPlaneRequest.class);
    assertThat(json.parseEnvelope(response)).isInstanceOf(ControlPlaneResponse.class);
    assertThat(
            catchThrowableOfType(ContractException.class, () -> json.parseRequest(response)).code())
        .isEqualTo(ErrorCode.UNSUPPORTED_SCHEMA_VERSION);
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, 1.0",
    "0.5, 0.5",
    "1e-05, 0.00001",
    "0.0001, 0.0001",
    "1e+16, 1e16",
    "1234567890123456.0, 1234567890123456",
    "-2.5, -2.5",
    "1.5e+300, 1.5e300",
    "0.1, 0.1",
    "100.0, 100"
  })
  void floatsAreWrittenAsPythonRepr(String python, double value) {
    assertThat(CanonicalJsonWriter.pythonFloatRepr(value)).isEqualTo(python);
  }

  @Test
  void controlCharactersUseLowerCaseHexAndDelAndLineSeparatorStayRaw() {
    assertThat(
            CanonicalJsonWriter.write(
                java.util.List.of("a\u001fb\u007f\u2028\"\\/\b\f\n\r\t\u00e9"), false))
        .isEqualTo("[\"a\\u001fb\u007f\u2028\\\"\\\\/\\b\\f\\n\\r\\t\u00e9\"]");
  }
}
