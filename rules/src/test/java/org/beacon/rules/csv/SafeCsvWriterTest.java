package org.beacon.rules.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What a spreadsheet opening Beacon's CSV sees: text from input as text, never a formula; numbers as numbers. */
class SafeCsvWriterTest {

    private static String written(List<?>... records) {
        StringWriter out = new StringWriter();
        SafeCsvWriter csv = new SafeCsvWriter(out);
        for (List<?> r : records) {
            csv.record(r);
        }
        csv.flush();
        return out.toString();
    }

    private static List<String> readBack(String csv) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv)).setFormat(CSVFormat.DEFAULT).get()) {
            List<String> cells = new ArrayList<>();
            for (CSVRecord r : p) {
                r.forEach(cells::add);
            }
            return cells;
        }
    }

    @Test
    void textThatASpreadsheetWouldRunGetsALeadingQuoteAndIsQuoted() throws IOException {
        List<String> hostile = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1",
                "@SUM(1,2)", "-2+3", "\t=1+1", "\r=1+1");
        String csv = written(hostile);
        assertThat(csv).isEqualTo("\"'=cmd|' /C calc'!A0\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","
                + "\"'+1+1\",\"'@SUM(1,2)\",\"'-2+3\",\"'\t=1+1\",\"'\r=1+1\"\r\n");
        assertThat(readBack(csv)).containsExactlyElementsOf(hostile.stream().map(s -> "'" + s).toList());
    }

    @Test
    void numbersAreWrittenAsNumbersNegativeOnesIncluded() {
        assertThat(written(List.of(new BigDecimal("-3"), 12, new BigDecimal("7.5449"), -0.5, "-3")))
                .isEqualTo("-3,12,7.5449,-0.5,\"'-3\"\r\n");
    }

    @Test
    void ordinaryTextIsWrittenPlainlyAndReadsBackAsItWas() throws IOException {
        List<Object> cells = Arrays.asList("330000", "浙江省", LocalDate.of(2020, 1, 23), "a,b", "say \"hi\"", "",
                null, "line\nbreak", "#1", " padded ", "v1 again.level", "'quoted already");
        String csv = written(cells, List.of("", "x"));
        assertThat(csv).startsWith("330000,浙江省,2020-01-23,\"a,b\",").endsWith("\r\n\"\",x\r\n");
        assertThat(readBack(csv)).containsExactly("330000", "浙江省", "2020-01-23", "a,b", "say \"hi\"", "", "",
                "line\nbreak", "#1", " padded ", "v1 again.level", "'quoted already", "", "x");
    }
}
