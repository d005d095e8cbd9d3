package io.cavra.controlplane.cli;

import io.cavra.controlplane.contract.ContractException;
import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ControlPlaneRequest;
import io.cavra.controlplane.contract.ErrorCode;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.RequestBuilder;
import io.cavra.controlplane.contract.RequestParameter;
import io.cavra.controlplane.contract.secret.SecretGuard;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code request OPERATION}, built with picocli's programmatic API from {@link
 * RequestBuilder#parameters(Operation)}: {@code policy_refs} becomes the repeatable {@code
 * --policy-ref}, {@code labels} the repeatable {@code --label KEY=VALUE} (a string) and {@code
 * --label-json KEY=JSON} (any JSON value), {@code report} {@code --report FILE}, and every other
 * parameter its kebab-case name.
 */
final class OperationCommand implements Callable<Integer> {
  private final Operation operation;
  private final Environment environment;
  private final CommandSpec spec;
  private final Map<String, RequestParameter> parameterByOption = new LinkedHashMap<>();

  /** For each JSON map parameter's {@code --name-json} option, its parameter. */
  private final Map<String, RequestParameter> jsonOptions = new LinkedHashMap<>();

  OperationCommand(Operation operation, Environment environment) {
    this.operation = operation;
    this.environment = environment;
    this.spec = CommandSpec.wrapWithoutInspection(this);
    spec.name(operation.wireName());
    spec.mixinStandardHelpOptions(true);
    spec.usageMessage()
        .sortOptions(false)
        .header(
            operation.requestDescription().substring(0, 1).toUpperCase(Locale.ROOT)
                + operation.requestDescription().substring(1)
                + (operation.isProvisional() ? " (provisional)." : "."))
        .description(
            "Build a "
                + operation.wireName()
                + " request envelope"
                + (operation.isProvisional()
                    ? " (PROVISIONAL shape, inferred from the reference's callers)."
                    : "."),
            "Request: " + operation.requestDescription() + ".",
            "Values come from --input-json (keys are the parameter names in snake_case; an"
                + " explicit",
            "empty array is an empty list, an absent key the default), then from the options"
                + " below,",
            "which override it: a repeated option replaces the whole list or map.")
        .footerHeading("%nExamples:%n")
        .footer(example());
    spec.addPositional(
        PositionalParamSpec.builder()
            .index("0")
            .arity("0..1")
            .paramLabel("TENANT_ID")
            .type(String.class)
            .description("Same as --tenant-id (as in the reference CLI).")
            .build());
    for (RequestParameter parameter : RequestBuilder.parameters(operation)) {
      OptionSpec option = option(parameter);
      spec.addOption(option);
      parameterByOption.put(option.longestName(), parameter);
      if (parameter.kind() == RequestParameter.Kind.JSON_MAP) {
        OptionSpec json = jsonOption(parameter);
        spec.addOption(json);
        jsonOptions.put(json.longestName(), parameter);
      }
    }
    spec.addOption(
        OptionSpec.builder("--input-json")
            .paramLabel("FILE|-")
            .type(String.class)
            .description("Read parameters from a JSON object in FILE, or standard input for '-'.")
            .build());
    spec.addOption(
        OptionSpec.builder("--compact")
            .arity("0")
            .type(boolean.class)
            .description("Print compact JSON. Default: pretty (two-space indent).")
            .build());
  }

  CommandSpec spec() {
    return spec;
  }

  /** {@code policy_refs} → {@code --policy-ref}; {@code capabilities} → {@code --capability}. */
  static String optionName(RequestParameter parameter) {
    String name = parameter.name();
    if (parameter.kind() == RequestParameter.Kind.TEXT_LIST
        || parameter.kind() == RequestParameter.Kind.JSON_MAP) {
      name = singular(name);
    }
    return "--" + name.replace('_', '-');
  }

  private static String singular(String name) {
    if (name.endsWith("ies")) {
      return name.substring(0, name.length() - 3) + "y";
    }
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }

  private static OptionSpec option(RequestParameter parameter) {
    String name = optionName(parameter);
    OptionSpec.Builder builder = OptionSpec.builder(name);
    String key = "JSON key: " + parameter.name() + ".";
    switch (parameter.kind()) {
      case TEXT:
        List<String> allowed = AllowedValues.of(parameter);
        builder
            .type(String.class)
            .paramLabel(parameter.name().toUpperCase(Locale.ROOT))
            .description(
                key
                    + " "
                    + describe(parameter)
                    + (allowed.isEmpty() ? "" : " One of: " + String.join(", ", allowed) + "."));
        if (!allowed.isEmpty()) {
          builder.completionCandidates(allowed);
        }
        break;
      case TEXT_LIST:
        builder
            .type(List.class)
            .auxiliaryTypes(String.class)
            .paramLabel(singular(parameter.name()).toUpperCase(Locale.ROOT))
            .description(key + " Repeatable. " + describe(parameter));
        break;
      case JSON_MAP:
        builder
            .type(List.class)
            .auxiliaryTypes(String.class)
            .paramLabel("KEY=VALUE")
            .description(
                key
                    + " Repeatable, keeps order. VALUE is a string; "
                    + optionName(parameter)
                    + "-json takes any JSON value. "
                    + describe(parameter));
        break;
      case LICENSE_REPORT:
        builder
            .type(String.class)
            .paramLabel("FILE|-")
            .description(
                key
                    + " The license validation report as a JSON object in FILE, or standard input"
                    + " for '-'. "
                    + describe(parameter));
        break;
      default:
        throw new AssertionError(parameter.kind());
    }
    return builder.build();
  }

  /**
   * {@code labels} → {@code --label-json KEY=JSON}, mixing with {@code --label} in command-line
   * order.
   */
  private static OptionSpec jsonOption(RequestParameter parameter) {
    return OptionSpec.builder(optionName(parameter) + "-json")
        .type(List.class)
        .auxiliaryTypes(String.class)
        .paramLabel("KEY=JSON")
        .description(
            "JSON key: "
                + parameter.name()
                + ". Repeatable. An entry whose value is any JSON value"
                + " (object, array, number, true, false, null or a quoted string); entries of "
                + optionName(parameter)
                + " and "
                + optionName(parameter)
                + "-json keep their command-line order.")
        .build();
  }

  private static String describe(RequestParameter parameter) {
    if (parameter.required()) {
      return "Required.";
    }
    if ("correlation_id".equals(parameter.name())) {
      return "Default: generated, 'saas-' and 12 hex digits.";
    }
    Object value = parameter.defaultValue();
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      return list.isEmpty()
          ? "Default: none."
          : "Default: " + String.join(", ", list.stream().map(String::valueOf).toList()) + ".";
    }
    if (value instanceof Map) {
      return "Default: none.";
    }
    return value == null ? "" : "Default: " + value + ".";
  }

  private String[] example() {
    String base = "  cavra-cp request " + operation.wireName() + " --tenant-id tenant-demo";
    List<String> lines = new ArrayList<>();
    lines.add(base);
    for (RequestParameter parameter : RequestBuilder.parameters(operation)) {
      if (parameter.kind() == RequestParameter.Kind.TEXT_LIST && parameter.required()) {
        lines.set(0, base + " " + optionName(parameter) + " ref-1");
      } else if (parameter.kind() == RequestParameter.Kind.LICENSE_REPORT) {
        lines.set(0, base + " --report report.json");
      } else if (parameter.required()
          && parameter.kind() == RequestParameter.Kind.TEXT
          && !"tenant_id".equals(parameter.name())) {
        lines.set(0, lines.get(0) + " " + optionName(parameter) + " 'Example Org'");
      }
    }
    lines.add("  cavra-cp request " + operation.wireName() + " --input-json params.json --compact");
    return lines.toArray(new String[0]);
  }

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    ParseResult parsed = commandLine.getParseResult();
    String input = parsed.matchedOptionValue("--input-json", null);
    String report =
        parameterByOption.containsKey("--report")
            ? parsed.matchedOptionValue("--report", null)
            : null;
    if (Inputs.STDIN.equals(input) && Inputs.STDIN.equals(report)) {
      throw new UsageException(
          commandLine, "--input-json and --report cannot both read standard input");
    }
    Inputs inputs = new Inputs(environment);
    ContractJson json = ContractJson.defaults();
    RequestBuilder builder = ControlPlaneRequest.builder(operation);
    if (input != null) {
      Object tree = json.parseTree(inputs.readBounded(input, json.maxBytes()));
      if (!(tree instanceof Map)) {
        throw ContractException.of(
            ErrorCode.INVALID_TYPE,
            "$",
            "--input-json must hold a JSON object of builder parameters");
      }
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) tree).entrySet()) {
        builder.set((String) entry.getKey(), entry.getValue());
      }
    }
    for (Map.Entry<String, RequestParameter> entry : parameterByOption.entrySet()) {
      if (!parsed.hasMatchedOption(entry.getKey())) {
        continue;
      }
      RequestParameter parameter = entry.getValue();
      Object value = parsed.matchedOptionValue(entry.getKey(), null);
      switch (parameter.kind()) {
        case TEXT:
        case TEXT_LIST:
          builder.set(parameter.name(), value);
          break;
        case JSON_MAP:
          // Set below with the entries of its -json option, in command-line order.
          break;
        case LICENSE_REPORT:
          builder.set(
              parameter.name(),
              json.parseTree(inputs.readBounded((String) value, json.maxBytes())));
          break;
        default:
          throw new AssertionError(parameter.kind());
      }
    }
    for (Map.Entry<String, RequestParameter> entry : jsonOptions.entrySet()) {
      String textOption = optionName(entry.getValue());
      if (parsed.hasMatchedOption(textOption) || parsed.hasMatchedOption(entry.getKey())) {
        builder.set(
            entry.getValue().name(),
            entries(commandLine, parsed, textOption, entry.getKey(), json));
      }
    }
    String tenant = parsed.matchedPositionalValue(0, null);
    if (tenant != null) {
      if (parsed.hasMatchedOption("--tenant-id")) {
        throw new UsageException(
            commandLine, "give the tenant either as TENANT_ID or with --tenant-id, not both");
      }
      builder.set("tenant_id", tenant);
    }
    ControlPlaneRequest request = builder.build();
    boolean compact = parsed.matchedOptionValue("--compact", false);
    PrintWriter out = commandLine.getOut();
    out.print(compact ? ContractJson.toJson(request) : ContractJson.toPrettyJson(request));
    out.print('\n');
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The entries of a JSON map parameter from its text option ({@code KEY=VALUE}, a string) and its
   * JSON option ({@code KEY=JSON}, parsed with the contract's reader and its limits), in the order
   * they were given; a key given again takes the later value in the earlier place.
   */
  private static Map<String, Object> entries(
      CommandLine commandLine,
      ParseResult parsed,
      String textOption,
      String jsonOption,
      ContractJson json) {
    List<String> texts = parsed.matchedOptionValue(textOption, List.of());
    List<String> jsons = parsed.matchedOptionValue(jsonOption, List.of());
    int nextText = 0;
    int nextJson = 0;
    Map<String, Object> map = new LinkedHashMap<>();
    for (CommandLine.Model.ArgSpec arg : parsed.matchedArgs()) {
      if (!(arg instanceof OptionSpec)) {
        continue;
      }
      String name = ((OptionSpec) arg).longestName();
      boolean isJson = name.equals(jsonOption);
      if (!isJson && !name.equals(textOption)) {
        continue;
      }
      String pair = isJson ? jsons.get(nextJson++) : texts.get(nextText++);
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw new UsageException(
            commandLine,
            "option '"
                + name
                + "' expects KEY="
                + (isJson ? "JSON" : "VALUE")
                + " (value not shown)");
      }
      String key = pair.substring(0, equals);
      String value = pair.substring(equals + 1);
      map.put(key, isJson ? jsonValue(name, key, value, json) : value);
    }
    return map;
  }

  /**
   * One {@code KEY=JSON} value, read under the contract's input rules; an error names the option
   * and the key (redacted if the key is credential material), never the value.
   */
  private static Object jsonValue(String option, String key, String value, ContractJson json) {
    try {
      return json.parseTree(value.getBytes(StandardCharsets.UTF_8));
    } catch (ContractException e) {
      String shownKey =
          SecretGuard.defaults().checkText(key).isPresent() ? SecretGuard.REDACTED_KEY : key;
      String location = option + " " + shownKey;
      throw ContractException.of(
          e.code(),
          location,
          "the value of "
              + location
              + " is not usable JSON: "
              + e.getMessage()
              + " (at "
              + e.location()
              + ")");
    }
  }
}
