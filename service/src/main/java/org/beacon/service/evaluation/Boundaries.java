package org.beacon.service.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.beacon.service.web.QuotedInput;
import tools.jackson.databind.JsonNode;

/**
 * Region boundaries for a choropleth: a GeoJSON FeatureCollection whose features carry the region's code in
 * {@code properties.code} (or the feature's {@code id}) and a Polygon or MultiPolygon in longitude/latitude. Read
 * whole or refused with every problem's pointer (at most {@link #MAX_LISTED}); nothing is drawn from a bad file.
 * Immutable.
 *
 * @param regions each region's rings, each ring a list of [longitude, latitude]
 */
public record Boundaries(Map<String, List<List<double[]>>> regions) {

    static final int MAX_LISTED = 10;
    /** More points than a county map needs; a larger file is simplified before it is sent. */
    static final int MAX_POINTS = 500_000;

    /**
     * @param prefix the pointer of the collection in its request ({@code /boundaries}, or empty for a file)
     * @throws InvalidRequestException naming each problem
     */
    public static Boundaries read(JsonNode collection, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<List<double[]>>> regions = new LinkedHashMap<>();
        if (collection == null || !collection.isObject()
                || !"FeatureCollection".equals(collection.path("type").asString(""))) {
            throw refused(List.of(new FieldError(prefix, "boundaries must be a GeoJSON FeatureCollection: "
                    + "{\"type\": \"FeatureCollection\", \"features\": [...]}")));
        }
        JsonNode features = collection.path("features");
        if (!features.isArray()) {
            throw refused(List.of(new FieldError(prefix + "/features", "features must be a list of Feature objects")));
        }
        int[] points = {0};
        for (int i = 0; i < features.size() && errors.size() < MAX_LISTED; i++) {
            JsonNode f = features.get(i);
            String at = prefix + "/features/" + i;
            String code = f.path("properties").path("code").asString(f.path("id").asString(""));
            if (code.isBlank()) {
                errors.add(new FieldError(at + "/properties/code", "a feature needs its region's code in "
                        + "properties.code (or id)"));
                continue;
            }
            if (regions.containsKey(code)) {
                errors.add(new FieldError(at + "/properties/code", "region '" + QuotedInput.shorten(code)
                        + "' has a boundary already: one feature per region (a MultiPolygon for several parts)"));
                continue;
            }
            List<List<double[]>> rings = new ArrayList<>();
            String problem = rings(f.path("geometry"), rings, points);
            if (problem != null) {
                errors.add(new FieldError(at + "/geometry", problem));
            } else {
                regions.put(code, rings);
            }
        }
        if (errors.isEmpty() && regions.isEmpty()) {
            errors.add(new FieldError(prefix + "/features", "the collection has no feature"));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return new Boundaries(Map.copyOf(regions));
    }

    private static InvalidRequestException refused(List<FieldError> errors) {
        return new InvalidRequestException(errors);
    }

    /** Adds the geometry's outer and inner rings; returns what is wrong with it, or null. */
    private static String rings(JsonNode geometry, List<List<double[]>> out, int[] points) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        List<JsonNode> polygons = new ArrayList<>();
        if (type.equals("Polygon")) {
            polygons.add(coordinates);
        } else if (type.equals("MultiPolygon") && coordinates.isArray()) {
            coordinates.forEach(polygons::add);
        } else {
            return "geometry must be a Polygon or a MultiPolygon, not '" + QuotedInput.shorten(type) + "'";
        }
        for (JsonNode polygon : polygons) {
            if (!polygon.isArray() || polygon.isEmpty()) {
                return "a polygon must be a list of rings";
            }
            for (JsonNode ring : polygon) {
                if (!ring.isArray() || ring.size() < 4) {
                    return "a ring must be a list of at least 4 [longitude, latitude] points";
                }
                List<double[]> read = new ArrayList<>(ring.size());
                for (JsonNode p : ring) {
                    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                        return "a point must be [longitude, latitude], two numbers";
                    }
                    double lon = p.get(0).doubleValue();
                    double lat = p.get(1).doubleValue();
                    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                        return String.format(Locale.ROOT, "[%s, %s] is not a longitude and latitude", lon, lat);
                    }
                    read.add(new double[] {lon, lat});
                }
                points[0] += read.size();
                if (points[0] > MAX_POINTS) {
                    return "more than " + MAX_POINTS + " points: simplify the boundaries before sending them";
                }
                out.add(read);
            }
        }
        return null;
    }
}
