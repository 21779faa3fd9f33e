package org.beacon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.rules.Workbooks.compiled;
import static org.beacon.rules.Workbooks.situation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beacon.rules.model.DiagnosticMessages;
import org.beacon.rules.model.SituationProblem;
import org.junit.jupiter.api.Test;

/**
 * Why a situation cannot be evaluated reads in English and in 简体中文: the {@code situation.*} keys are the same in
 * both bundles with the same arguments, every key the code names is there and none is left unused, and a problem
 * keeps its pointer and what the caller sent while its words change language.
 */
class SituationMessagesTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern SITUATION_KEY = Pattern.compile("\"(situation\\.[A-Za-z]+)\"");
    private static final CompiledRuleSet RULES = compiled(WorkbookBuilder.cholera());

    private static Set<String> situationKeys(Locale locale) {
        Set<String> keys = new TreeSet<>(DiagnosticMessages.keys(locale));
        keys.removeIf(k -> !k.startsWith("situation."));
        return keys;
    }

    @Test
    void bothLanguagesHaveTheSameSituationKeysWithTheSameArgumentsAndNoneIsBlank() {
        assertThat(situationKeys(Locale.ENGLISH)).hasSizeGreaterThan(20).isEqualTo(situationKeys(ZH));
        for (String key : situationKeys(Locale.ENGLISH)) {
            String en = DiagnosticMessages.pattern(key, Locale.ENGLISH);
            String zh = DiagnosticMessages.pattern(key, ZH);
            assertThat(MessagePatterns.arguments(zh)).as("arguments of %s", key)
                    .isEqualTo(MessagePatterns.arguments(en));
            assertThat(en).as("English %s", key).isNotBlank();
            assertThat(zh).as("Chinese %s", key).isNotBlank().isNotEqualTo(en);
            if (!key.equals("situation.listed")) { // "{0}；{1}": only the separator changes
                assertThat(zh).as("Chinese %s", key).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void everySituationKeyTheCodeNamesIsInTheBundleAndEveryKeyInTheBundleIsNamed() throws IOException {
        Set<String> named = new TreeSet<>();
        try (var files = Files.walk(Workbooks.root().resolve("rules/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = SITUATION_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).isEqualTo(situationKeys(Locale.ENGLISH));
    }

    @Test
    void everyProblemOfABadSituationCarriesItsKeyAndReadsInChineseWithItsPointerAndTheSentValues() {
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("casez", 1);
        indicators.put("cases", 1.5);
        indicators.put("deaths", "many");
        indicators.put("ratio", 5000);
        indicators.put("spreading", "yes");
        indicators.put("setting", 3);
        indicators.put("adminLevel", "county");
        indicators.put("death", 2);
        List<SituationProblem> problems = RULES.check(situation("plague?", indicators)).problems();
        assertThat(problems).hasSize(9);
        for (SituationProblem p : problems) {
            assertThat(p.text()).as("%s carries its key", p.message()).isNotNull();
            assertThat(p.message(Locale.ENGLISH)).isEqualTo(p.message());
            assertThat(p.message(Locale.FRENCH)).isEqualTo(p.message());
            assertThat(p.message(ZH)).as("%s in Chinese", p.message()).isNotEqualTo(p.message())
                    .containsPattern("\\p{IsHan}");
        }
        assertThat(problems).extracting(p -> p.pointer() + " " + p.message(ZH)).contains(
                "/eventType 'plague?' 不是 eventType 的有效取值；eventType 的有效取值：cholera、plague、food",
                "/indicators/casez 未知指标“casez”；是否应为 cases？；有效指标：cases、deaths、ratio、setting、spreading",
                "/indicators/cases cases 必须是整数，而不是 1.5",
                "/indicators/deaths deaths 必须是整数，而不是 'many'",
                "/indicators/ratio 5000 超出了 ratio 的取值范围 [0, 1000]",
                "/indicators/spreading spreading 必须是 true 或 false，而不是 'yes'",
                "/indicators/setting setting 必须是文本，而不是 3",
                "/indicators/adminLevel adminLevel 是地区的级别，不是指标：请以 region.level 发送（词典为 adminLevel 声明的级别；"
                        + "未声明时为 province、prefecture、county、township）",
                "/indicators/death 未知指标“death”；是否应为 deaths？；有效取值已在 /indicators/casez 处列出");
    }
}
