package io.cavra.controlplane.cli;

import io.cavra.controlplane.gateway.GatewayConfig;
import io.cavra.controlplane.gateway.Launcher;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code serve}: the gateway's own launcher ({@link Launcher}) behind picocli. Its options are
 * built from {@link Launcher#options()}, so that {@code cavra-cp serve} and {@code java -jar
 * cavra-gateway.jar} take the same options with the same defaults and behave the same.
 */
final class ServeCommand implements Callable<Integer> {
  private final Environment environment;
  private final CommandSpec spec;

  private ServeCommand(Environment environment) {
    this.environment = environment;
    this.spec =
        CommandSpec.wrapWithoutInspection(this).name("serve").mixinStandardHelpOptions(true);
    spec.usageMessage()
        .headerHeading("")
        .header("Serve the contract over HTTP through the reference gateway.")
        .description(
            "Start the gateway: POST /v1/control-plane answers request envelopes through an"
                + " adapter, with",
            "requests and answers checked against the contract on both sides; the contract explorer"
                + " is at /.",
            "With no options it serves the Community adapter on 127.0.0.1:8787 without"
                + " authentication.",
            "Any address other than loopback needs --key-store, a key store made by 'keys add'."
                + " Stop it with",
            "Ctrl-C or SIGTERM: in-flight requests drain first, then it exits 0.")
        .footerHeading("%nExamples:%n")
        .footer(
            "  cavra-cp serve",
            "  cavra-cp keys add --key-store keys.jsonl --key-id demo --tenant tenant-demo \\",
            "      --tenant tenant-conformance-b --api-key-file demo.key",
            "  cavra-cp serve --key-store keys.jsonl",
            "  cavra-cp serve --adapter-path"
                + " examples/tenant-state-adapter/target/tenant-state-adapter.jar \\",
            "      --adapter tenant-state --adapter-setting"
                + " state-file=examples/tenant-state-adapter/tenants.json");
    for (Launcher.Option option : Launcher.options()) {
      String description =
          option.description()
              + (option.defaultValue() == null ? "" : " (default: " + option.defaultValue() + ")");
      OptionSpec.Builder builder = OptionSpec.builder(option.name()).description(description);
      if (!option.flag()) {
        builder.paramLabel(option.paramLabel());
      }
      if (option.flag()) {
        builder.type(boolean.class).arity("0");
      } else if (option.repeatable()) {
        builder.type(List.class).auxiliaryTypes(String.class);
      } else {
        builder.type(String.class);
      }
      spec.addOption(builder.build());
    }
  }

  static CommandLine commandLine(Environment environment) {
    return new CommandLine(new ServeCommand(environment).spec);
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    GatewayConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      throw new UsageException(spec.commandLine(), e.getMessage());
    }
    try {
      return Launcher.serve(config, "cavra-cp", err);
    } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
      // The gateway's messages name options and files, never secret values or classes.
      err.println("error: cannot_start at serve: " + e.getMessage());
      return ExitCodes.IO_ERROR;
    }
  }

  GatewayConfig config() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Launcher.Option option : Launcher.options()) {
      Object value = spec.findOption(option.name()).getValue();
      if (value instanceof List) {
        List<String> list = new java.util.ArrayList<>();
        for (Object item : (List<?>) value) {
          list.add((String) item);
        }
        if (!list.isEmpty()) {
          values.put(option.name(), list);
        }
      } else if (value instanceof Boolean) {
        if ((Boolean) value) {
          values.put(option.name(), List.of("true"));
        }
      } else if (value != null) {
        values.put(option.name(), List.of((String) value));
      }
    }
    return Launcher.configure(values, environment.stdoutIsTerminal());
  }
}
