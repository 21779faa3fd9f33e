package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeflatedJsonTest {

    @Test
    void inflatesToExactlyTheJsonThatWasDeflated() {
        StringBuilder json = new StringBuilder("{\"tables\":[");
        for (int i = 0; i < 2_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"ruleId\":\"Cholera!R").append(i)
                    .append("\",\"name\":\"较大 Ⅲ\"}");
        }
        byte[] bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        byte[] deflated = DeflatedJson.deflate(bytes);
        assertThat(deflated.length).isLessThan(bytes.length / 3);
        assertThat(DeflatedJson.inflate(deflated)).isEqualTo(json.toString());
    }

    @Test
    void refusesDataCutShort() {
        byte[] deflated = DeflatedJson.deflate("{\"grade\":\"III\",\"padding\":\"0123456789\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DeflatedJson.inflate(Arrays.copyOf(deflated, deflated.length - 6)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    }
}
