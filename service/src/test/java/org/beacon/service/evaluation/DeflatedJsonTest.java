package org.beacon.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
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
    void readsRowsTheZlibCodecWroteBefore() {
        String json = "{\"grade\":\"III\",\"name\":\"较大\",\"firedRules\":[\"Cholera!R12\",\"Cholera!R13\"]}";
        // exactly what the codec of issue 10 stored: zlib at its fastest level
        Deflater zlib = new Deflater(Deflater.BEST_SPEED);
        zlib.setInput(json.getBytes(StandardCharsets.UTF_8));
        zlib.finish();
        byte[] buffer = new byte[1024];
        byte[] old = Arrays.copyOf(buffer, zlib.deflate(buffer));
        zlib.end();

        assertThat(DeflatedJson.inflate(old)).isEqualTo(json);
    }

    @Test
    void refusesOldZlibRowsCutShort() {
        Deflater zlib = new Deflater(Deflater.BEST_SPEED);
        zlib.setInput("{\"grade\":\"III\",\"padding\":\"0123456789\"}".getBytes(StandardCharsets.UTF_8));
        zlib.finish();
        byte[] buffer = new byte[1024];
        byte[] old = Arrays.copyOf(buffer, zlib.deflate(buffer));
        zlib.end();

        assertThatThrownBy(() -> DeflatedJson.inflate(Arrays.copyOf(old, old.length - 6)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    }

    @Test
    void refusesDataCutShort() {
        byte[] deflated = DeflatedJson.deflate("{\"grade\":\"III\",\"padding\":\"0123456789\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DeflatedJson.inflate(Arrays.copyOf(deflated, deflated.length - 6)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    }
}
