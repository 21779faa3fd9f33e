package org.beacon.service.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.beacon.rules.model.AreaRisk;
import org.beacon.service.evaluation.Boundaries;
import org.beacon.service.evaluation.RiskMapResponse;

/**
 * A risk map as the console draws it: a tile per region (grouped by prefecture when every code is a 6-digit
 * administrative division code, whose first four digits name the prefecture), a legend with each colour's count and
 * the rows that gave it, and a choropleth drawn on the server when boundaries were given.
 *
 * @param choropleth null without boundaries
 */
record RiskMapPicture(String ruleSetId, List<Group> groups, List<LegendEntry> legend, Choropleth choropleth,
        int count) {

    /** @param prefecture the first four digits shared by its regions, or null when the map is not grouped */
    record Group(String prefecture, List<Tile> tiles) {
    }

    /** @param colour null when no row gave one */
    record Tile(String code, String name, AreaRisk colour, List<String> rows, UUID evaluationId) {

        public String css() {
            return colour == null ? "none" : colour.code();
        }
    }

    /** @param colour null for the regions no row coloured */
    record LegendEntry(AreaRisk colour, int count, List<String> rows) {

        public String css() {
            return colour == null ? "none" : colour.code();
        }
    }

    record Choropleth(int width, int height, List<Shape> shapes) {
    }

    /** @param tile null for an outline whose region is not on the map */
    record Shape(String code, String path, Tile tile) {

        public String css() {
            return tile == null ? "absent" : tile.css();
        }
    }

    static final int MAP_WIDTH = 720;
    static final int MAP_HEIGHT = 540;

    static RiskMapPicture of(String ruleSetId, List<RiskMapResponse.RegionRisk> regions, Boundaries boundaries) {
        List<Tile> tiles = regions.stream().map(r -> new Tile(r.region() == null ? "" : r.region().code(),
                r.region() == null ? null : r.region().name(), AreaRisk.parse(r.colour()).orElse(null),
                r.rules() == null ? List.of() : r.rules(), r.evaluationId())).toList();
        boolean administrative = !tiles.isEmpty() && tiles.stream().allMatch(t -> t.code().matches("[0-9]{6}"));
        List<Group> groups = new ArrayList<>();
        if (administrative) {
            Map<String, List<Tile>> byPrefecture = new LinkedHashMap<>();
            tiles.stream().sorted(java.util.Comparator.comparing(Tile::code))
                    .forEach(t -> byPrefecture.computeIfAbsent(t.code().substring(0, 4), k -> new ArrayList<>()).add(t));
            byPrefecture.forEach((p, list) -> groups.add(new Group(p, list)));
        } else {
            groups.add(new Group(null, tiles));
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (AreaRisk colour : AreaRisk.values()) {
            legend.add(entry(colour, tiles));
        }
        LegendEntry none = entry(null, tiles);
        if (none.count() > 0) {
            legend.add(none);
        }
        return new RiskMapPicture(ruleSetId, groups, legend, boundaries == null ? null : choropleth(boundaries, tiles),
                tiles.size());
    }

    private static LegendEntry entry(AreaRisk colour, List<Tile> tiles) {
        Set<String> rows = new LinkedHashSet<>();
        int count = 0;
        for (Tile t : tiles) {
            if (t.colour() == colour) {
                count++;
                rows.addAll(t.rows());
            }
        }
        return new LegendEntry(colour, count, List.copyOf(rows));
    }

    /** An equirectangular projection, narrowed by the cosine of the middle latitude, fitted into the frame. */
    private static Choropleth choropleth(Boundaries boundaries, List<Tile> tiles) {
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (List<List<double[]>> rings : boundaries.regions().values()) {
            for (List<double[]> ring : rings) {
                for (double[] p : ring) {
                    minLon = Math.min(minLon, p[0]);
                    maxLon = Math.max(maxLon, p[0]);
                    minLat = Math.min(minLat, p[1]);
                    maxLat = Math.max(maxLat, p[1]);
                }
            }
        }
        double squeeze = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max(1e-9, (maxLon - minLon) * squeeze);
        double spanY = Math.max(1e-9, maxLat - minLat);
        double scale = Math.min((MAP_WIDTH - 20) / spanX, (MAP_HEIGHT - 20) / spanY);
        int width = (int) Math.ceil(spanX * scale) + 20;
        int height = (int) Math.ceil(spanY * scale) + 20;
        Map<String, Tile> byCode = new LinkedHashMap<>();
        tiles.forEach(t -> byCode.put(t.code(), t));
        List<Shape> shapes = new ArrayList<>();
        for (Map.Entry<String, List<List<double[]>>> region : boundaries.regions().entrySet()) {
            StringBuilder d = new StringBuilder();
            for (List<double[]> ring : region.getValue()) {
                for (int i = 0; i < ring.size(); i++) {
                    double x = 10 + (ring.get(i)[0] - minLon) * squeeze * scale;
                    double y = 10 + (maxLat - ring.get(i)[1]) * scale;
                    d.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                }
                d.append('Z');
            }
            shapes.add(new Shape(region.getKey(), d.toString(), byCode.get(region.getKey())));
        }
        return new Choropleth(width, height, shapes);
    }
}
