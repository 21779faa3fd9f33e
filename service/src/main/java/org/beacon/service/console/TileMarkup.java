package org.beacon.service.console;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.rules.model.AreaRisk;
import org.springframework.context.MessageSource;
import org.unbescape.html.HtmlEscape;
import org.unbescape.uri.UriEscape;

/**
 * The tiles of a risk map as HTML, written in one pass. A map of the week's latest decisions has up to 500 tiles, and
 * the template engine spent most of the page's time evaluating each tile's expressions, link and message lookups one
 * by one (most of the page's time in a profile under AuditPageBenchmark); here the words of each colour are looked up
 * once per page, every value is escaped as the template escapes it, and the markup is the template's.
 */
final class TileMarkup {

    private final String contextPath;
    private final String ruleSetId;
    private final MessageSource texts;
    private final Locale locale;
    private final Map<AreaRisk, String> words = new EnumMap<>(AreaRisk.class);
    private final String noColour;

    /** @param ruleSetId the version whose grid a row links into, or null to show the rows without links */
    TileMarkup(String contextPath, String ruleSetId, MessageSource texts, Locale locale) {
        this.contextPath = contextPath;
        this.ruleSetId = ruleSetId;
        this.texts = texts;
        this.locale = locale;
        boolean zh = "zh".equals(locale.getLanguage());
        for (AreaRisk a : AreaRisk.values()) {
            words.put(a, zh ? a.chineseName() + " · " + a.riskZh()
                    : texts.getMessage("colour." + a.code(), null, locale) + " · "
                    + texts.getMessage("riskMap.risk", new Object[] {a.riskEn()}, locale));
        }
        this.noColour = texts.getMessage("audit.noColour", null, locale);
    }

    String of(List<RiskMapPicture.Group> groups) {
        StringBuilder html = new StringBuilder(groups.stream().mapToInt(g -> g.tiles().size()).sum() * 400 + 64);
        for (RiskMapPicture.Group g : groups) {
            html.append("\n      <section class=\"tile-group\">");
            if (g.prefecture() != null) {
                html.append("\n        <h3>").append(text(texts.getMessage("riskMap.prefecture",
                        new Object[] {g.prefecture()}, locale))).append("</h3>");
            }
            html.append("\n        <ul class=\"tiles\">");
            for (RiskMapPicture.Tile t : g.tiles()) {
                tile(html, t);
            }
            html.append("\n        </ul>\n      </section>");
        }
        return html.append("\n    ").toString();
    }

    private void tile(StringBuilder html, RiskMapPicture.Tile t) {
        html.append("\n          <li class=\"tile tile-").append(text(t.css())).append("\">")
                .append("\n            <a class=\"tile-link\" href=\"").append(text(contextPath))
                .append("/console/audit/").append(t.evaluationId()).append("\">")
                .append("\n              <span class=\"tile-name\">").append(text(t.name() != null ? t.name()
                        : t.code())).append("</span>")
                .append("\n              <span class=\"tile-code\">").append(text(t.code())).append("</span>")
                .append("\n              <span class=\"tile-word\">").append(text(t.colour() == null ? noColour
                        : words.get(t.colour()))).append("</span>")
                .append("\n            </a>")
                .append("\n            <span class=\"tile-rows\">");
        for (String row : t.rows()) {
            if (ruleSetId != null) {
                html.append("<a class=\"cell-ref\" href=\"").append(text(contextPath)).append("/console/rule-sets/")
                        .append(text(UriEscape.escapeUriPathSegment(ruleSetId))).append("/cells/")
                        .append(text(UriEscape.escapeUriPathSegment(row))).append("\">").append(text(row))
                        .append("</a> ");
            } else {
                html.append("<span class=\"cell-ref\">").append(text(row)).append("</span> ");
            }
        }
        html.append("</span>\n          </li>");
    }

    private static String text(String value) {
        return HtmlEscape.escapeHtml4Xml(value);
    }
}
