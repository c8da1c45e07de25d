package ca.constituent.riding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Riding polygons (WGS84 lon/lat) in an STR-tree: which riding contains a point, or, for a point in none (offshore,
 * or in a sliver the simplified boundaries miss), the nearest riding within a distance. Immutable and safe for
 * concurrent use once built.
 * <p>
 * Kept small, as every instance holds it: coordinates are packed in one {@code double[]} per ring (not an object per
 * point), and a point is tested by counting ray crossings over the rings of the few polygons whose envelope holds it.
 * JTS' prepared geometries index every segment instead: for about 215,000 points that was 29 MB of the heap's 60 MB
 * live set, for tests that take microseconds: a riding has about 630 points on average.
 */
final class Boundaries {

    /** A riding found for a point; {@code metres} is 0 when the point lies inside it. */
    record Hit(String fedCode, boolean nearest, int metres) {
    }

    private record Area(String fedCode, Geometry geometry) {

        /** Inside or on the boundary. */
        boolean covers(Coordinate point) {
            return SimplePointInAreaLocator.isContained(point, geometry);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final double METRES_PER_DEGREE_LAT = 111_320;

    private final GeometryFactory factory = factory();
    private final STRtree tree = new STRtree();
    private final int size;

    private Boundaries(List<Area> areas) {
        for (Area area : areas) {
            tree.insert(area.geometry().getEnvelopeInternal(), area);
        }
        tree.build();
        size = areas.size();
    }

    /** No boundaries: every point is outside. */
    static Boundaries none() {
        return new Boundaries(List.of());
    }

    /**
     * Reads a GeoJSON FeatureCollection of (Multi)Polygons with {@code properties.fed_num}. Streamed token by token:
     * a tree of the whole file would allocate a node per number, which was most of the start-up cost.
     */
    static Boundaries readGeoJson(InputStream source, boolean gzipped) throws IOException {
        InputStream in = gzipped ? new GZIPInputStream(source, 1 << 16) : source;
        GeometryFactory factory = factory();
        List<Area> areas = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(in)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = parser.nextToken();
                if ("features".equals(parser.currentName()) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        areas.add(feature(parser, factory));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (areas.isEmpty()) {
            throw new IOException("the boundaries file has no features");
        }
        return new Boundaries(areas);
    }

    /** One feature, the parser on its START_OBJECT; the geometry may come before or after the properties. */
    private static Area feature(JsonParser parser, GeometryFactory factory) throws IOException {
        String fedCode = null;
        String type = null;
        Object coordinates = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String inner = parser.currentName();
                parser.nextToken();
                if ("properties".equals(field) && "fed_num".equals(inner)) {
                    fedCode = parser.getValueAsString();
                } else if ("geometry".equals(field) && "type".equals(inner)) {
                    type = parser.getValueAsString();
                } else if ("geometry".equals(field) && "coordinates".equals(inner)) {
                    coordinates = nested(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new Area(fedCode, shape(factory, fedCode, type, coordinates));
    }

    /** Nested coordinate arrays as lists, down to positions as {@code double[]{lon, lat}}. */
    private static Object nested(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY);
        JsonToken first = parser.nextToken();
        if (first == JsonToken.VALUE_NUMBER_INT || first == JsonToken.VALUE_NUMBER_FLOAT) {
            double lon = parser.getDoubleValue();
            parser.nextToken();
            double lat = parser.getDoubleValue();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren(); // an altitude
            }
            return new double[] {lon, lat};
        }
        List<Object> items = new ArrayList<>();
        for (JsonToken t = first; t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(nested(parser));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Geometry shape(GeometryFactory factory, String fedCode, String type, Object coordinates)
            throws IOException {
        if (fedCode == null || coordinates == null) {
            throw new IOException("a feature has no fed_num or no coordinates");
        }
        List<Polygon> polygons = new ArrayList<>();
        switch (String.valueOf(type)) {
            case "Polygon" -> polygons.add(polygon(factory, (List<Object>) coordinates));
            case "MultiPolygon" -> ((List<Object>) coordinates).forEach(p -> polygons.add(polygon(factory,
                    (List<Object>) p)));
            default -> throw new IOException("riding " + fedCode + " has no polygon geometry");
        }
        return polygons.size() == 1 ? polygons.get(0)
                : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static Polygon polygon(GeometryFactory factory, List<Object> rings) {
        LinearRing shell = ring(factory, rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(factory, rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    /** Geometries whose coordinates are packed in {@code double[]} (x, y), in WGS84. */
    private static GeometryFactory factory() {
        return new GeometryFactory(new PrecisionModel(), 4326, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    }

    @SuppressWarnings("unchecked")
    private static LinearRing ring(GeometryFactory factory, Object positions) {
        List<double[]> points = (List<double[]>) positions;
        double[] packed = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            packed[2 * i] = points.get(i)[0];
            packed[2 * i + 1] = points.get(i)[1];
        }
        return factory.createLinearRing(new PackedCoordinateSequence.Double(packed, 2, 0));
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("the boundaries file is not a GeoJSON FeatureCollection");
        }
    }

    int size() {
        return size;
    }

    /**
     * The riding containing the point (its boundary included), else the nearest one no further than
     * {@code maxMetres}, else empty.
     */
    Optional<Hit> locate(double lat, double lon, double maxMetres) {
        Coordinate at = new Coordinate(lon, lat);
        Point point = factory.createPoint(at);
        for (Object o : tree.query(point.getEnvelopeInternal())) {
            Area area = (Area) o;
            if (area.covers(at)) {
                return Optional.of(new Hit(area.fedCode(), false, 0));
            }
        }
        double dLat = maxMetres / METRES_PER_DEGREE_LAT;
        double dLon = maxMetres / (METRES_PER_DEGREE_LAT * Math.max(Math.cos(Math.toRadians(lat)), 0.01));
        Envelope around = new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat);
        Hit best = null;
        for (Object o : tree.query(around)) {
            Area area = (Area) o;
            Coordinate closest = DistanceOp.nearestPoints(area.geometry(), point)[0];
            double metres = metres(lat, lon, closest.y, closest.x);
            if (metres <= maxMetres && (best == null || metres < best.metres())) {
                best = new Hit(area.fedCode(), true, (int) Math.ceil(metres));
            }
        }
        return Optional.ofNullable(best);
    }

    /** Great-circle distance in metres (haversine). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
