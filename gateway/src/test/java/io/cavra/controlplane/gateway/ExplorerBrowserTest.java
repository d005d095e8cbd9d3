package io.cavra.controlplane.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ControlPlaneResponse;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.ResponseStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The contract explorer in a real browser: headless Chromium, driven through chromedriver, against
 * a gateway started in this JVM with the Community adapter.
 *
 * <p>Uses the Debian packages {@code chromium} and {@code chromium-driver} only: Selenium is given
 * both paths, so Selenium Manager never runs and nothing is downloaded. Without them the test is
 * skipped, except on CI ({@code CI=true}), which installs them and where it fails instead.
 */
class ExplorerBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Where a failing test leaves a screenshot of the page. */
  private static final Path ARTIFACTS = Path.of("target", "explorer-browser");

  /**
   * Held so that its level sticks: Selenium warns when it has no DevTools bindings for this
   * Chromium version, which the test does not need.
   */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  private static Gateway gateway;
  private static ChromeDriverService service;
  private static ChromeDriver driver;
  private static Path profile;
  private static URI home;

  @RegisterExtension
  final TestWatcher screenshotOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (driver == null) {
            return;
          }
          try {
            Files.createDirectories(ARTIFACTS);
            Files.write(
                ARTIFACTS.resolve(context.getRequiredTestMethod().getName() + ".png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
          } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
          }
        }
      };

  @BeforeAll
  static void startGatewayAndBrowser() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("CI"))) {
      fail(
          "CI=true but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: .ci/run must install the Debian packages chromium and"
              + " chromium-driver");
    }
    if (!installed) {
      return; // each test is then skipped, see requireBrowser()
    }

    gateway = Gateway.start(GatewayConfig.defaults().withPort(0));
    home = gateway.uri().resolve("/");

    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    // Both paths are explicit, so Selenium Manager is never asked to find or fetch anything.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_AVOID_STATS", "true");
    profile = Files.createTempDirectory("explorer-chromium-");
    // chromedriver's log would record every typed text, fake token and test key included: drop it.
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1280,2000");
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    driver = new ChromeDriver(service, options);
  }

  @BeforeEach
  void requireBrowser() {
    assumeTrue(
        driver != null,
        "headless Chromium is not installed (Debian packages chromium, chromium-driver)");
  }

  @AfterAll
  static void stopBrowserAndGateway() throws Exception {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      try {
        if (service != null) {
          service.stop();
        }
      } finally {
        try {
          if (gateway != null) {
            gateway.close();
          }
        } finally {
          deleteRecursively(profile);
        }
      }
    }
  }

  @Test
  void listsEveryOperationAndMarksTheProvisionalOne() {
    open();
    List<String> expected = Arrays.stream(Operation.values()).map(Operation::wireName).toList();
    List<String> provisional =
        Arrays.stream(Operation.values())
            .filter(Operation::isProvisional)
            .map(Operation::wireName)
            .toList();
    List<WebElement> cards = driver.findElements(By.cssSelector("#operation-list > li.operation"));
    assertThat(cards)
        .extracting(card -> card.getDomAttribute("data-operation"))
        .containsExactlyElementsOf(expected);
    List<WebElement> marked =
        cards.stream()
            .filter(card -> !card.findElements(By.cssSelector(".badge-provisional")).isEmpty())
            .toList();
    assertThat(marked)
        .extracting(card -> card.getDomAttribute("data-operation"))
        .isNotEmpty()
        .containsExactlyElementsOf(provisional);
    for (WebElement card : cards) {
      boolean isMarked = marked.contains(card);
      assertThat(card.findElements(By.cssSelector(".provisional-note")))
          .as(card.getDomAttribute("data-operation"))
          .hasSize(isMarked ? 1 : 0);
    }
    // The page's header counts what it lists.
    assertThat(driver.findElement(By.id("contract-meta")).getText())
        .contains(cards.size() + " operations · ")
        .contains(" · " + marked.size() + " provisional");

    // Every operation needs a private service here, and says why.
    waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("[data-role='why']")).stream()
                    .noneMatch(why -> why.getText().contains("Loading")));
    for (WebElement card : cards) {
      String name = card.getDomAttribute("data-operation");
      assertThat(card.findElements(By.cssSelector(".badge-private"))).as(name).hasSize(1);
      assertThat(card.getText()).as(name).contains("requires_private_service");
      assertThat(card.findElement(By.cssSelector("[data-role='why']")).getText())
          .as(name)
          .isNotBlank();
    }

    // The form offers every operation and flags the provisional one.
    List<WebElement> options =
        new Select(driver.findElement(By.id("operation-select"))).getOptions();
    assertThat(options)
        .extracting(option -> option.getDomAttribute("value"))
        .containsExactlyElementsOf(expected);
    assertThat(options)
        .filteredOn(option -> option.getText().endsWith("(provisional)"))
        .extracting(option -> option.getDomAttribute("value"))
        .containsExactlyElementsOf(provisional);

    // Opening an operation shows its request and response shapes, loaded from the schemas.
    WebElement handoff = driver.findElement(By.id("op-saas_operating_automation_worker_handoff"));
    WebElement summary = handoff.findElement(By.cssSelector("details > summary"));
    scrollTo(summary);
    summary.click();
    waiting().until(d -> handoff.findElements(By.cssSelector("details table.shape")).size() >= 3);
    String details = text(handoff.findElement(By.cssSelector("details")));
    assertThat(details)
        .contains(
            "worker_targets",
            "handoff_boundary",
            "Answer without a private service",
            "Answer from a private service");

    assertThat(severeBrowserMessages()).isEmpty();
  }

  @Test
  void buildsAndSendsAPolicyRegistryReadinessRequest() {
    open();
    selectOperation("policy_registry_readiness");
    WebElement tenant = driver.findElement(By.id("param-tenant_id"));
    tenant.clear();
    tenant.sendKeys("tenant-explorer");
    WebElement refs = parameter("policy_pack_refs");
    refs.findElement(By.cssSelector("button.add-item")).click();
    List<WebElement> items = refs.findElements(By.cssSelector(".list-items input"));
    items.get(items.size() - 1).sendKeys("starter-policy-1");

    click(By.id("build-button"));
    WebElement built =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("built-envelope")));
    ControlPlaneRequest request = ContractJson.defaults().parseRequest(text(built).getBytes(UTF_8));
    assertThat(request.operation()).isEqualTo(Operation.POLICY_REGISTRY_READINESS);
    assertThat(request.tenantId()).isEqualTo("tenant-explorer");
    assertThat(request.payload().toMap())
        .containsEntry("policy_pack_refs", List.of("starter-policy-1"));
    assertThat(driver.findElement(By.id("build-status")).getText())
        .contains(request.correlationId());

    click(By.id("send-button"));
    WebElement status =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#send-status .response-status")));
    assertThat(status.getText()).isEqualTo("requires_private_service");
    String answer = text(driver.findElement(By.id("response-output")));
    ControlPlaneResponse response =
        ContractJson.defaults().parseResponse(answer.getBytes(UTF_8), request);
    assertThat(response.status()).isEqualTo(ResponseStatus.REQUIRES_PRIVATE_SERVICE);
    assertThat(response.correlationId()).isEqualTo(request.correlationId());
  }

  @Test
  void showsTheProblemOfABadFormInput() {
    open();
    selectOperation("policy_registry_lookup");
    WebElement refs = parameter("policy_refs");
    for (List<WebElement> remove = removeButtons(refs);
        !remove.isEmpty();
        remove = removeButtons(refs)) {
      remove.get(0).click();
    }
    assertThat(refs.findElements(By.cssSelector(".list-items input"))).isEmpty();

    click(By.id("build-button"));
    WebElement problem =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#build-status .problem")));
    assertThat(problem.findElement(By.cssSelector("[data-key='code'] dd")).getText())
        .isEqualTo("empty_list");
    assertThat(problem.findElement(By.cssSelector("[data-key='path'] dd")).getText())
        .matches(jsonPath("payload.policy_refs") + "|policy_refs");
    assertThat(problem.getText()).contains("HTTP 400");

    // The field is marked, and nothing can be sent.
    assertThat(refs.getDomAttribute("class")).contains("has-error");
    assertThat(driver.findElement(By.id("error-policy_refs")).getText()).contains("empty_list");
    assertThat(driver.findElement(By.id("send-button")).isEnabled()).isFalse();
    assertThat(driver.findElement(By.id("built-envelope")).isDisplayed()).isFalse();
  }

  @Test
  void theSecretGuardRefusesATokenShapedValueWithoutShowingIt() {
    // Built at run time: no credential-shaped literal in the source.
    String token = "gh" + "p_" + "1".repeat(36);
    String pasted =
        ContractJson.toJson(
                ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_READINESS)
                    .tenantId("tenant-demo")
                    .build())
            .replace("\"catalog_scope\":\"tenant-default\"", "\"catalog_scope\":\"" + token + "\"");
    assertThat(pasted).contains(token);

    open();
    WebElement box = driver.findElement(By.id("guard-input"));
    box.sendKeys(pasted);
    click(By.id("guard-check"));

    WebElement row = guardProblem("sensitive_value");
    assertThat(cell(row, "path")).matches(jsonPath("payload.catalog_scope"));
    assertThat(cell(row, "rule_id")).isNotBlank().isNotEqualTo("—");
    assertThat(driver.findElement(By.id("guard-result")).getText()).contains("refused");

    // The value is in the box the user typed it into, and nowhere else on the page.
    assertThat(box.getDomProperty("value")).contains(token);
    assertThat(placesShowing(token)).isEmpty();
    assertThat(placesShowing("1".repeat(16))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(token);
  }

  @Test
  void theSecretGuardRefusesACredentialNamedField() {
    String pasted =
        ContractJson.toJson(
                ControlPlaneRequest.builder(Operation.POLICY_REGISTRY_LOOKUP)
                    .tenantId("tenant-demo")
                    .set("policy_refs", List.of("starter-policy-1"))
                    .labels(Map.of("team", "platform"))
                    .build())
            .replace("\"team\":\"platform\"", "\"api_key\":\"hunter2\"");
    assertThat(pasted).contains("\"labels\":{\"api_key\":\"hunter2\"}");

    open();
    WebElement box = driver.findElement(By.id("guard-input"));
    box.sendKeys(pasted);
    click(By.id("guard-check"));

    WebElement row = guardProblem("sensitive_field");
    assertThat(cell(row, "path")).matches(jsonPath("payload.labels.api_key"));
    assertThat(cell(row, "rule_id")).isNotBlank().isNotEqualTo("—");
    assertThat(placesShowing("hunter2")).isEmpty();
  }

  @Test
  void theApiKeyStaysInMemory() {
    open();
    WebElement key = driver.findElement(By.id("api-key"));
    assertThat(key.getDomAttribute("type")).isEqualTo("password");
    assertThat(key.getDomAttribute("autocomplete")).isEqualTo("off");
    key.sendKeys("explorer-test-key");
    assertThat(
            script("return localStorage.length + sessionStorage.length + document.cookie.length"))
        .isEqualTo(0L);
    assertThat(placesShowing("explorer-test-key")).containsExactly("value of api-key");

    click(By.id("api-key-clear"));
    assertThat(driver.findElement(By.id("api-key")).getDomProperty("value")).isEmpty();
  }

  @Test
  void theApiKeyTravelsAsABearerTokenAndTenantIsolationShows(@TempDir Path keys) throws Exception {
    // A gateway with a key file: the key is made here, at run time, and only its hash is stored.
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String key = "explorer-test-" + HexFormat.of().formatHex(random);
    Path keyFile = keys.resolve("keys.jsonl");
    Files.writeString(
        keyFile,
        "{\"key_id\":\"explorer-test\",\"sha256\":\""
            + sha256Hex(key)
            + "\",\"tenants\":[\"tenant-demo\"],\"operations\":[\"*\"]}\n",
        UTF_8);
    try (Gateway secured =
        Gateway.start(GatewayConfig.defaults().withPort(0).withKeyFile(keyFile))) {
      open(secured.uri().resolve("/"));
      selectOperation("tenant_status");

      click(By.id("build-button"));
      WebElement unauthorized =
          waiting()
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#build-status .problem")));
      assertThat(unauthorized.getText()).contains("HTTP 401");
      // A missing key is not the builder refusing the parameters.
      assertThat(driver.findElement(By.id("build-status")).getText())
          .contains("The gateway needs an API key for this request.")
          .doesNotContain("The builder refused these parameters");

      driver.findElement(By.id("api-key")).sendKeys(key);
      click(By.id("build-button"));
      waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("built-envelope")));
      click(By.id("send-button"));
      assertThat(
              waiting()
                  .until(
                      ExpectedConditions.visibilityOfElementLocated(
                          By.cssSelector("#send-status .response-status")))
                  .getText())
          .isEqualTo("requires_private_service");

      // The curl command names the key's variable, never the key, and works once it is set.
      String curl = text(driver.findElement(By.id("curl-command")));
      assertThat(curl).contains("-H \"Authorization: Bearer $CAVRA_CP_KEY\"").doesNotContain(key);
      assertThat(driver.findElement(By.id("curl-key-note")).isDisplayed()).isTrue();
      ControlPlaneResponse viaCurl =
          ContractJson.defaults()
              .parseResponse(shell(curl, Map.of("CAVRA_CP_KEY", key)).getBytes(UTF_8));
      assertThat(viaCurl.status()).isEqualTo(ResponseStatus.REQUIRES_PRIVATE_SERVICE);

      // The key is bound to tenant-demo: a request for another tenant is refused.
      WebElement tenant = driver.findElement(By.id("param-tenant_id"));
      tenant.clear();
      tenant.sendKeys("tenant-other");
      click(By.id("build-button"));
      waiting().until(d -> text(d.findElement(By.id("built-envelope"))).contains("tenant-other"));
      click(By.id("send-button"));
      WebElement forbidden =
          waiting()
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#send-status .problem")));
      assertThat(forbidden.getText()).contains("HTTP 403");
      assertThat(driver.findElement(By.id("send-status")).getText())
          .contains("This API key may not make this request.");
      assertThat(forbidden.findElement(By.cssSelector("[data-key='path'] dd")).getText())
          .matches(jsonPath("tenant_id"));
      assertThat(placesShowing(key)).containsExactly("value of api-key");
    }
  }

  @Test
  void copiesTheBuiltRequestAsACurlCommandThatTheGatewayAnswers() throws Exception {
    open();
    selectOperation("policy_registry_lookup");
    click(By.id("build-button"));
    WebElement built =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("built-envelope")));
    ControlPlaneRequest request = ContractJson.defaults().parseRequest(text(built).getBytes(UTF_8));

    String curl = text(driver.findElement(By.id("curl-command")));
    assertThat(curl)
        .startsWith("curl -s -X POST '" + home.resolve("/v1/control-plane") + "'")
        .contains("-H 'Content-Type: application/json'")
        .doesNotContain("Authorization");
    assertThat(driver.findElement(By.id("curl-key-note")).isDisplayed()).isFalse();
    ControlPlaneResponse response =
        ContractJson.defaults().parseResponse(shell(curl, Map.of()).getBytes(UTF_8), request);
    assertThat(response.status()).isEqualTo(ResponseStatus.REQUIRES_PRIVATE_SERVICE);

    WebElement copy = driver.findElement(By.cssSelector("[data-copy='curl-command']"));
    assertThat(copy.isEnabled()).isTrue();
    copy.click();
    waiting().until(d -> !copy.getText().equals("Copy as curl"));
    assertThat(copy.getText()).isIn("Copied", "Selected: press Ctrl+C");
  }

  @Test
  void showsTheAnswersStatusResponseTimeAndHeaders() {
    open();
    selectOperation("tenant_status");
    click(By.id("build-button"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("built-envelope")));
    click(By.id("send-button"));
    waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#send-status .response-status")));

    WebElement meta = driver.findElement(By.cssSelector("#send-status .answer-meta"));
    assertThat(meta.findElement(By.className("answer-status")).getText()).isEqualTo("HTTP 200");
    assertThat(meta.findElement(By.className("answer-time")).getText()).matches("\\d+ ms");
    WebElement headers = meta.findElement(By.cssSelector("details.answer-headers"));
    headers.findElement(By.tagName("summary")).click();
    assertThat(headers.getText())
        .containsPattern("Response headers \\(\\d+\\)")
        .contains("content-type", "application/json", "x-content-type-options", "nosniff");
    // The build's answer has them too.
    assertThat(driver.findElement(By.cssSelector("#build-status .answer-status")).getText())
        .isEqualTo("HTTP 200");
  }

  @Test
  void linksEachOperationToItsRawJsonSchemas() throws Exception {
    open();
    HttpClient client = HttpClient.newHttpClient();
    for (Operation operation : Operation.values()) {
      WebElement card = driver.findElement(By.id("op-" + operation.wireName()));
      List<WebElement> links = card.findElements(By.cssSelector(".schema-links a"));
      assertThat(links)
          .extracting(link -> link.getDomAttribute("data-schema"))
          .as(operation.wireName())
          .contains("request-payload-" + operation.wireName());
      for (WebElement link : links) {
        String name = link.getDomAttribute("data-schema");
        assertThat(link.getDomAttribute("href")).isEqualTo("/v1/schemas/" + name + ".schema.json");
        HttpResponse<String> file =
            client.send(
                HttpRequest.newBuilder(home.resolve(link.getDomAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).as(name).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
            .as(name)
            .hasValue("application/schema+json");
        assertThat(ContractJson.defaults().parseTree(file.body().getBytes(UTF_8)))
            .as(name)
            .isInstanceOfSatisfying(Map.class, schema -> assertThat(schema).containsKey("$schema"));
      }
    }
  }

  @Test
  void aProblemsTypeLinksToTheDescriptionOfItsCode() {
    open();
    selectOperation("policy_registry_lookup");
    WebElement refs = parameter("policy_refs");
    for (List<WebElement> remove = removeButtons(refs);
        !remove.isEmpty();
        remove = removeButtons(refs)) {
      remove.get(0).click();
    }
    click(By.id("build-button"));
    WebElement problem =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#build-status .problem")));
    WebElement link = problem.findElement(By.cssSelector("[data-key='type'] a.problem-type-link"));
    assertThat(link.getText())
        .isEqualTo("https://schemas.cavra.io/control-plane/problems/empty_list");
    assertThat(link.getDomAttribute("href")).isEqualTo("#problem-empty_list");

    scrollTo(link);
    link.click();
    waiting().until(d -> "#problem-empty_list".equals(script("return location.hash")));
    WebElement row = driver.findElement(By.id("problem-empty_list"));
    assertThat(row.isDisplayed()).isTrue();
    assertThat(row.getText())
        .contains("empty_list", "400", "Empty list", "A required list is empty.");
    assertThat(driver.findElements(By.cssSelector("#problem-type-rows tr.problem-type")))
        .hasSize(ProblemType.values().length);
  }

  @Test
  void keepsAShortHistoryOfSentRequestsInPageMemoryOnly() {
    open();
    assertThat(driver.findElement(By.id("history-empty")).isDisplayed()).isTrue();
    selectOperation("policy_registry_readiness");
    click(By.id("build-button"));
    String first =
        ContractJson.defaults()
            .parseRequest(
                text(waiting()
                        .until(
                            ExpectedConditions.visibilityOfElementLocated(By.id("built-envelope"))))
                    .getBytes(UTF_8))
            .correlationId();
    click(By.id("send-button"));
    waiting().until(d -> d.findElements(By.cssSelector("#history-list > li")).size() == 1);

    selectOperation("tenant_status");
    click(By.id("build-button"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("built-envelope")));
    for (int sent = 1; sent <= 10; sent++) {
      int expected = Math.min(sent + 1, 10);
      click(By.id("send-button"));
      waiting()
          .until(
              d ->
                  d.findElements(By.cssSelector("#history-list > li")).size() == expected
                      && !d.findElement(By.id("send-status")).getText().contains("Sending"));
    }

    List<WebElement> entries = driver.findElements(By.cssSelector("#history-list > li"));
    assertThat(entries).hasSize(10);
    assertThat(entries.get(0).getText())
        .contains("tenant_status", "tenant-demo", "HTTP 200", "requires_private_service")
        .containsPattern("\\d+ ms");
    assertThat(driver.findElement(By.id("history-list")).getText())
        .doesNotContain("policy_registry_readiness");
    assertThat(driver.findElement(By.id("history-empty")).isDisplayed()).isFalse();

    WebElement latest = entries.get(0);
    scrollTo(latest);
    latest.findElement(By.tagName("summary")).click();
    assertThat(text(latest.findElement(By.className("history-request"))))
        .contains("\"operation\": \"tenant_status\"");
    assertThat(text(latest.findElement(By.className("history-answer"))))
        .contains("requires_private_service");
    assertThat(first).isNotBlank();
    assertThat(
            script("return localStorage.length + sessionStorage.length + document.cookie.length"))
        .isEqualTo(0L);
  }

  @Test
  void aTryAddressOpensThatOperationsFormAndScrollsToIt() {
    open(home.resolve("/#try-evidence_export"));

    assertThat(
            new Select(driver.findElement(By.id("operation-select")))
                .getFirstSelectedOption()
                .getDomAttribute("value"))
        .isEqualTo("evidence_export");
    assertThat(driver.findElements(By.id("param-export_format"))).hasSize(1);
    // The form's section is at the top of the window, just below the sticky section bar.
    waiting()
        .until(
            d ->
                (Boolean)
                    script(
                        "const top ="
                            + " document.getElementById('try').getBoundingClientRect().top;const"
                            + " bar ="
                            + " document.querySelector('.site-nav').getBoundingClientRect().bottom;return"
                            + " window.scrollY > 0 && top >= bar - 1 && top < bar + 40;"));
    assertThat(script("return document.activeElement.id")).isEqualTo("operation-select");

    // A card's "Try it" goes through the same address.
    WebElement tryIt = driver.findElement(By.cssSelector("#op-tenant_status .try-button"));
    scrollTo(tryIt);
    tryIt.click();
    waiting().until(d -> "#try-tenant_status".equals(script("return location.hash")));
    waiting()
        .until(
            d ->
                "tenant_status"
                    .equals(
                        new Select(d.findElement(By.id("operation-select")))
                            .getFirstSelectedOption()
                            .getDomAttribute("value")));
  }

  // ---------------------------------------------------------------------------------------------

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT);
  }

  /** Loads the page afresh (nothing carries over: the API key lives in page memory only). */
  private static void open() {
    open(home);
  }

  private static void open(URI page) {
    severeBrowserMessages(); // drains what earlier tests left in the browser log
    driver.get(page.toString());
    waiting()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  private static void selectOperation(String name) {
    WebElement select = driver.findElement(By.id("operation-select"));
    scrollTo(select);
    new Select(select).selectByValue(name);
    waiting()
        .until(
            d ->
                !d.findElements(By.id("param-tenant_id")).isEmpty()
                    && d.findElement(By.id("operation-hint")).getText().length() > 0);
  }

  private static WebElement parameter(String name) {
    return driver.findElement(By.cssSelector("[data-param='" + name + "']"));
  }

  private static List<WebElement> removeButtons(WebElement field) {
    return field.findElements(By.cssSelector(".list-items .remove-item"));
  }

  private static void click(By by) {
    WebElement element = driver.findElement(by);
    scrollTo(element);
    element.click();
  }

  private static void scrollTo(WebElement element) {
    // Instant: the page scrolls smoothly, and a click during the animation can miss.
    script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
  }

  private static String text(WebElement element) {
    return element.getDomProperty("textContent");
  }

  private static WebElement guardProblem(String code) {
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#guard-result tr.guard-problem")));
    List<WebElement> rows = driver.findElements(By.cssSelector("#guard-result tr.guard-problem"));
    assertThat(rows).extracting(r -> cell(r, "code")).contains(code);
    return rows.stream().filter(r -> cell(r, "code").equals(code)).findFirst().orElseThrow();
  }

  /** A location as the contract writes it, with or without the root {@code $.} in front. */
  private static String jsonPath(String dotted) {
    return "(\\$\\.)?" + Pattern.quote(dotted);
  }

  private static String cell(WebElement row, String column) {
    return row.findElement(By.cssSelector("td[data-col='" + column + "']")).getText();
  }

  /** Where the page holds {@code needle}, other than the secret guard's input box. */
  @SuppressWarnings("unchecked")
  private static List<String> placesShowing(String needle) {
    return (List<String>)
        script(
            "const needle = arguments[0];const box = document.getElementById('guard-input');const"
                + " places = [];const walker = document.createTreeWalker(document.documentElement,"
                + " NodeFilter.SHOW_TEXT);while (walker.nextNode()) {  if"
                + " (walker.currentNode.data.includes(needle)) {    places.push('text in ' +"
                + " walker.currentNode.parentNode.nodeName);  }}for (const el of"
                + " document.querySelectorAll('*')) {  for (const attribute of el.attributes) {   "
                + " if (attribute.value.includes(needle)) { places.push('attribute ' +"
                + " attribute.name); }  }  if (el !== box && typeof el.value === 'string' &&"
                + " el.value.includes(needle)) {    places.push('value of ' + (el.id ||"
                + " el.nodeName));  }}if (document.title.includes(needle)) { places.push('title');"
                + " }return places;",
            needle);
  }

  private static Object script(String source, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(source, arguments);
  }

  private static List<String> severeBrowserMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * Runs {@code command} in bash with {@code environment} added and returns its standard output.
   */
  private static String shell(String command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(command).isZero();
    return out;
  }

  private static String sha256Hex(String text) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
