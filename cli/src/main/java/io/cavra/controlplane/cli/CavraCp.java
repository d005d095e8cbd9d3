package io.cavra.controlplane.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code cavra-cp} command: the contract library's capabilities for shells and CI. */
@Command(
    name = "cavra-cp",
    mixinStandardHelpOptions = true,
    versionProvider = CavraCp.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Describe, build, validate and scan CAVRA SaaS Control Plane Contract envelopes.",
      "Results go to standard output, diagnostics to standard error."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cavra-cp serve",
      "  cavra-cp describe",
      "  cavra-cp request tenant_status --tenant-id tenant-demo --capability audit_export",
      "  cavra-cp request tenant_status --tenant-id tenant-demo | cavra-cp respond --request -",
      "  cavra-cp validate --jsonl requests.jsonl",
      "  cavra-cp scan --format sarif build/*.json > cavra-cp.sarif",
      "  cavra-cp verify --url http://127.0.0.1:8787",
      "  source <(cavra-cp completion)"
    })
final class CavraCp implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors on standard error (never values of options).")
  boolean debug;

  /** Runs the command; the exit status is the table printed by {@code --help}. */
  public static void main(String[] args) {
    System.exit(
        newCommandLine(Environment.system(), args.length == 0 ? null : args[0]).execute(args));
  }

  static CommandLine newCommandLine(Environment environment) {
    return newCommandLine(environment, null);
  }

  /**
   * The configured command line with every subcommand: subcommands, error handlers, the exit code
   * table on every command, and UTF-8 standard output and error (canonical JSON is UTF-8 whatever
   * the locale).
   */
  static CommandLine newCommandLine(Environment environment, String firstArgument) {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("describe", () -> new DescribeCommand(environment));
    commands.put("request", () -> RequestCommand.commandLine(environment));
    commands.put("respond", () -> new RespondCommand(environment));
    commands.put("validate", () -> new ValidateCommand(environment));
    commands.put("scan", () -> new ScanCommand(environment));
    commands.put("schema", SchemaCommand::new);
    commands.put("serve", () -> ServeCommand.commandLine(environment));
    commands.put("keys", KeysCommand::new);
    commands.put("verify", VerifyCommand::new);
    commands.put("compat", CompatCommand::new);
    commands.put("completion", CompletionCommand::new);
    CommandLine commandLine = new CommandLine(new CavraCp());
    // Start-up: when the first argument names a command, only that command's model is built
    // (picocli inspects every registered command eagerly). Completion needs the whole tree.
    boolean one =
        firstArgument != null
            && commands.containsKey(firstArgument)
            && !"completion".equals(firstArgument);
    for (Map.Entry<String, Supplier<Object>> command : commands.entrySet()) {
      if (!one || command.getKey().equals(firstArgument)) {
        commandLine.addSubcommand(command.getKey(), command.getValue().get());
      }
    }
    ErrorHandlers handlers = new ErrorHandlers();
    commandLine.setParameterExceptionHandler(handlers);
    commandLine.setExecutionExceptionHandler(handlers);
    commandLine.setExitCodeExceptionMapper(ExitCodes.MAPPER);
    addExitCodeTable(commandLine);
    commandLine.setOut(
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
            true));
    commandLine.setErr(
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true));
    return commandLine;
  }

  private static void addExitCodeTable(CommandLine commandLine) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .width(100)
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.TABLE);
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      addExitCodeTable(sub);
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The version of the jar, filtered into {@code version.properties} by Maven. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "cavra-cp " + version(),
        "contract schema versions: cavra.saas_control_plane.{contract,request,response}.v1",
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")"
      };
    }

    static String version() {
      Properties properties = new Properties();
      try (InputStream in = CavraCp.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        return "unknown";
      }
      return properties.getProperty("version", "unknown");
    }
  }
}
