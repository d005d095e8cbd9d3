package io.cavra.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cavra.controlplane.contract.ContractJson;
import io.cavra.controlplane.contract.ContractSchemas;
import io.cavra.controlplane.contract.Operation;
import io.cavra.controlplane.contract.RequestBuilder;
import io.cavra.controlplane.contract.RequestParameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowedValuesTest {
  @Test
  void theTableHoldsExactlyTheEnumsOfThePublishedRequestPayloadSchemas() {
    int enumerated = 0;
    for (Operation operation : Operation.values()) {
      Map<?, ?> properties = properties("request-payload-" + operation.wireName());
      for (Object value : properties.values()) {
        if (value instanceof Map<?, ?> property && property.containsKey("enum")) {
          enumerated++;
        }
      }
      for (RequestParameter parameter : RequestBuilder.parameters(operation)) {
        Object property = properties.get(parameter.name());
        Object expected =
            property instanceof Map<?, ?> map && map.get("enum") instanceof List<?> values
                ? values
                : List.of();
        assertThat(AllowedValues.of(parameter))
            .as(operation.wireName() + " " + parameter.name())
            .isEqualTo(expected);
      }
    }
    long inTable =
        Arrays.stream(Operation.values())
            .flatMap(operation -> RequestBuilder.parameters(operation).stream())
            .filter(parameter -> !AllowedValues.of(parameter).isEmpty())
            .count();
    assertThat(inTable).isEqualTo(enumerated).isPositive();
  }

  private static Map<?, ?> properties(String schema) {
    Object tree =
        ContractJson.defaults()
            .parseTree(ContractSchemas.read(schema).getBytes(StandardCharsets.UTF_8));
    return (Map<?, ?>) ((Map<?, ?>) tree).get("properties");
  }
}
