package ca.constituent.riding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Riding polygons (WGS84 lon/lat) in an STR-tree of prepared geometries: which riding contains a point, or, for a
 * point in none (offshore, or in a sliver the simplified boundaries miss), the nearest riding within a distance.
 * Immutable and safe for concurrent use once built.
 */
final class Boundaries {

    /** A riding found for a point; {@code metres} is 0 when the point lies inside it. */
    record Hit(String fedCode, boolean nearest, int metres) {
    }

    private record Area(String fedCode, Geometry geometry, PreparedGeometry prepared) {
    }

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final double METRES_PER_DEGREE_LAT = 111_320;

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private final STRtree tree = new STRtree();
    private final int size;

    private Boundaries(List<Area> areas) {
        for (Area area : areas) {
            tree.insert(area.geometry().getEnvelopeInternal(), area);
            // Builds the prepared geometry's point index now rather than in the first request that needs it.
            area.prepared().covers(factory.createPoint(area.geometry().getEnvelopeInternal().centre()));
        }
        tree.build();
        size = areas.size();
    }

    /** No boundaries: every point is outside. */
    static Boundaries none() {
        return new Boundaries(List.of());
    }

    static Boundaries readGeoJson(InputStream source, boolean gzipped) throws IOException {
        InputStream in = gzipped ? new GZIPInputStream(source, 1 << 16) : source;
        JsonNode root = new ObjectMapper().readTree(in);
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
        List<Area> areas = new ArrayList<>();
        for (JsonNode feature : root.path("features")) {
            String fedCode = feature.path("properties").path("fed_num").asText();
            JsonNode geometry = feature.path("geometry");
            List<Polygon> polygons = new ArrayList<>();
            switch (geometry.path("type").asText()) {
                case "Polygon" -> polygons.add(polygon(factory, geometry.path("coordinates")));
                case "MultiPolygon" -> geometry.path("coordinates").forEach(p -> polygons.add(polygon(factory, p)));
                default -> throw new IOException("riding " + fedCode + " has no polygon geometry");
            }
            Geometry shape = polygons.size() == 1 ? polygons.get(0)
                    : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            areas.add(new Area(fedCode, shape, PreparedGeometryFactory.prepare(shape)));
        }
        if (areas.isEmpty()) {
            throw new IOException("the boundaries file has no features");
        }
        return new Boundaries(areas);
    }

    private static Polygon polygon(GeometryFactory factory, JsonNode rings) {
        LinearRing shell = ring(factory, rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(factory, rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(GeometryFactory factory, JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode p = positions.get(i);
            coordinates[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return factory.createLinearRing(coordinates);
    }

    int size() {
        return size;
    }

    /**
     * The riding containing the point (its boundary included), else the nearest one no further than
     * {@code maxMetres}, else empty.
     */
    Optional<Hit> locate(double lat, double lon, double maxMetres) {
        Point point = factory.createPoint(new Coordinate(lon, lat));
        for (Object o : tree.query(point.getEnvelopeInternal())) {
            Area area = (Area) o;
            if (area.prepared().covers(point)) {
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
