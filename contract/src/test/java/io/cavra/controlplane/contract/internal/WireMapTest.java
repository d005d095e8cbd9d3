package io.cavra.controlplane.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireMapTest {
  private final WireMap map = WireMap.of("b", 1L, "a", null, "c", List.of("x"));

  @Test
  void keepsInsertionOrderAndReadsByIndex() {
    assertThat(map.keySet()).containsExactly("b", "a", "c");
    assertThat(map.key(2)).isEqualTo("c");
    assertThat(map.value(0)).isEqualTo(1L);
    assertThat(map.size()).isEqualTo(3);
  }

  @Test
  void holdsNullValuesAndTellsThemFromMissingKeys() {
    assertThat(map.containsKey("a")).isTrue();
    assertThat(map.get("a")).isNull();
    assertThat(map.containsKey("z")).isFalse();
    assertThat(map.get("z")).isNull();
  }

  @Test
  void equalsAndHashesLikeAnyMapWithTheSameEntries() {
    Map<String, Object> same = new LinkedHashMap<>();
    same.put("a", null);
    same.put("c", List.of("x"));
    same.put("b", 1L);
    assertThat(map).isEqualTo(same);
    assertThat(same).isEqualTo(map);
    assertThat(map.hashCode()).isEqualTo(same.hashCode());
  }

  @Test
  void cannotBeChanged() {
    assertThatThrownBy(() -> map.put("d", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesAnUnpairedKey() {
    assertThatThrownBy(() -> WireMap.of("a", 1, "b")).isInstanceOf(IllegalArgumentException.class);
  }
}
