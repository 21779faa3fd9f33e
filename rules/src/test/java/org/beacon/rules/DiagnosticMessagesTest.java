package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beacon.rules.model.Diagnostic;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.IndicatorType;
import org.beacon.rules.model.Message;
import org.beacon.rules.model.TypedOutputs;
import org.beacon.rules.model.WarningColour;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic can be read in English and in 简体中文: both bundles hold the same keys with the same arguments,
 * every code the README lists or the code emits has its messages, and a Chinese message keeps the code, the cell
 * and what the expert wrote while leaving no English sentence behind.
 */
class DiagnosticMessagesTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern KEY_IN_SOURCE = Pattern.compile("Message\\.(of|word)\\(\\s*\"([^\"]+)\"");
    private static final Pattern LISTED_CODE = Pattern.compile("^\\| `([A-Z_]+)` \\| (error|warning|info) \\|",
            Pattern.MULTILINE);
    /** Words a Chinese message may keep in English: what the expert types in a sheet, names of files and tools. */
    private static final Set<String> KEPT_WORDS = Set.of("IF", "THEN", "GIVEN", "EXPECT", "NOTE", "SOURCE", "TAG",
            "Table", "Dictionary", "Parameters", "Colours", "Actions", "Tests", "Hit", "policy", "first", "match",
            "highest", "grade", "collect", "all", "Gaps", "Overlaps", "expected", "report", "For", "each", "signal",
            "Description", "Event", "types", "Coverage", "required", "integer", "decimal", "boolean", "enum", "text",
            "none", "red",
            "orange", "yellow", "blue", "colour", "rows", "Excel", "LibreOffice", "Beacon", "DOCTYPE", "xlsx", "xls",
            "xlsm", "xlsb", "KB", "MB", "responseGrade", "signalSource", "ili", "schoolAbsenteeism",
            "cidarsPercentile", "weeklyCases", "adminLevel", "province", "prefecture", "county", "township",
            "eventType", "Cholera", "not", "yes", "true", "false",
            // a situation's JSON fields, named as the caller sends them
            "indicators", "signals", "start", "values",
            // a replay's timeline: its columns, options and values as typed in the CSV or on the command line
            "CSV", "NUL", "date", "region", "level", "code", "effective", "note", "source", "missingDays", "zeroFill",
            "carryForward", "revisions");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(DiagnosticMessages.keys(ZH)).isEqualTo(DiagnosticMessages.keys(Locale.ENGLISH));
    }

    @Test
    void eachMessageHasTheSameArgumentsInBothLanguagesAndIsNeverBlank() {
        for (String key : DiagnosticMessages.keys(Locale.ENGLISH)) {
            String en = DiagnosticMessages.pattern(key, Locale.ENGLISH);
            String zh = DiagnosticMessages.pattern(key, ZH);
            assertThat(MessagePatterns.arguments(zh)).as("arguments of %s", key)
                    .isEqualTo(MessagePatterns.arguments(en));
            if (!key.equals("word.nothing") && !key.startsWith("word.article.")) {
                assertThat(en).as("English %s", key).isNotBlank();
                assertThat(zh).as("Chinese %s", key).isNotBlank().isNotEqualTo(en);
            }
        }
    }

    @Test
    void everyCodeTheReadmeListsHasAMessageAndEveryCodeWithAMessageIsListed() throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher m = LISTED_CODE.matcher(Files.readString(Workbooks.root().resolve("tables/README.md")));
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).hasSizeGreaterThan(30);
        assertThat(codesWithMessages()).isEqualTo(listed);
    }

    @Test
    void everyKeyTheCodeNamesIsInBothLanguages() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Workbooks.root().resolve("rules/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_SOURCE.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1).equals("word") ? "word." + m.group(2) : m.group(2);
                    if (!key.endsWith(".")) {
                        named.add(key);
                    }
                }
            }
        }
        // keys put together from a value: every value they can take
        for (String output : List.of(TypedOutputs.RISK_LEVEL, TypedOutputs.AREA_RISK, TypedOutputs.REPORT_WITHIN,
                TypedOutputs.TERMINATION, TypedOutputs.LEVEL_CHANGE, "anyOtherOutput")) {
            named.add(TypedOutputs.expected(output).key());
        }
        for (WarningColour c : WarningColour.values()) {
            named.add("word.colour." + c.code());
        }
        for (IndicatorType t : IndicatorType.values()) {
            named.add(t.word().key());
        }
        List.of("grade", "colour", "rows", "actions").forEach(o -> named.add("word.output." + o));
        assertThat(named).hasSizeGreaterThan(100);
        assertThat(DiagnosticMessages.keys(Locale.ENGLISH)).containsAll(named);
        assertThat(DiagnosticMessages.keys(ZH)).containsAll(named);
    }

    @Test
    void chineseMessagesKeepNoEnglishWordsButTheOnesExpertsType() {
        List<String> leftovers = new ArrayList<>();
        for (String key : DiagnosticMessages.keys(ZH)) {
            for (String word : asciiWords(DiagnosticMessages.pattern(key, ZH).replaceAll("\\{\\d+}", ""))) {
                if (!KEPT_WORDS.contains(word)) {
                    leftovers.add(key + ": " + word);
                }
            }
        }
        assertThat(leftovers).isEmpty();
    }

    @Test
    void aBrokenWorkbookReadsInChineseWithTheSameCodesCellsAndExpertText() {
        WorkbookBuilder b = new WorkbookBuilder().dictionary();
        b.sheet("Cholera").row("Table", "Cholera").row("Hit policy", "first match").blank()
                .row("IF cases", "IF death", "THEN grade", "THEN colour")
                .row("≥30", "-", "Ⅱ", "orange")
                .row("many", "-", "Ⅴ", "purple")
                .row("≥2.5", "-", "Ⅲ", "yellow");
        b.sheet("Notes").row("whatever");
        Compilation c = Workbooks.compile(b);
        assertThat(c.diagnostics()).extracting(Diagnostic::code)
                .contains("UNKNOWN_INDICATOR", "SHEET_IGNORED");
        for (Diagnostic d : c.diagnostics()) {
            String zh = DiagnosticMessages.message(d, ZH);
            assertThat(d.text()).as("%s carries its key", d).isNotNull();
            assertThat(DiagnosticMessages.message(d, Locale.ENGLISH)).isEqualTo(d.message());
            assertThat(zh).as("%s in Chinese", d).isNotEqualTo(d.message()).containsPattern("\\p{IsHan}");
            for (String word : asciiWords(zh)) {
                assertThat(KEPT_WORDS.contains(word) || d.message().contains("'" + word)
                        || Set.of("death", "deaths", "cases", "Notes").contains(word))
                        .as("English word '%s' left in %s", word, zh).isTrue();
            }
        }
    }

    @Test
    void wordsInsideAMessageAreTranslatedToo() {
        Message m = Message.of("WRONG_TYPE.notNumber", "cases", Message.word("article.an"),
                IndicatorType.INTEGER.word(), "many");
        assertThat(DiagnosticMessages.english(m)).isEqualTo("cases is an integer; 'many' is not a number, a "
                + "comparison or a range");
        assertThat(DiagnosticMessages.render(m, ZH)).isEqualTo("cases 为整数指标；“many”不是数字、比较或区间");
    }

    @Test
    void anyOtherLanguageGetsEnglish() {
        Message m = Message.of("NO_TABLES.noWorkbook");
        assertThat(DiagnosticMessages.render(m, Locale.FRENCH)).isEqualTo("no workbook was given");
        assertThat(DiagnosticMessages.render(m, Locale.forLanguageTag("zh-Hant-TW"))).isEqualTo("没有提供任何工作簿");
    }

    private static Set<String> codesWithMessages() {
        Set<String> codes = new TreeSet<>();
        for (String key : DiagnosticMessages.keys(Locale.ENGLISH)) {
            // situation.* are a situation's problems; replay.* a replay's data issues (codes in docs/replay.md)
            if (!key.startsWith("word.") && !key.startsWith("phrase.") && !key.startsWith("separator.")
                    && !key.startsWith("situation.") && !key.startsWith("replay.")) {
                codes.add(new Message(key, List.of()).code());
            }
        }
        return codes;
    }

    /** Latin words of three letters or more, Roman numerals (grades I–IV) left out: A1, R9, V, C, M are no words. */
    private static List<String> asciiWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Za-z]{3,}").matcher(text);
        while (m.find()) {
            if (!m.group().matches("[IVX]+")) {
                words.add(m.group());
            }
        }
        return words;
    }
}
